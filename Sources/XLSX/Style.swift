import CXLSXWriter

/// How a cell looks. Equal styles share one libxlsxwriter format.
public struct Style: Hashable, Sendable {
    public var bold = false
    public var numberFormat: String?
    public var wrap = false
    /// Background colour, 0xRRGGBB.
    public var fill: UInt32?
    public var fontColor: UInt32?
    public var border = false
    public var center = false
    public var fontSize: Double?
    /// Text at the top of its cell (rows grown for a wrapped neighbour read from the top).
    public var top = false

    public init(
        bold: Bool = false, numberFormat: String? = nil, wrap: Bool = false, fill: UInt32? = nil, fontColor: UInt32? = nil,
        border: Bool = false, center: Bool = false, fontSize: Double? = nil, top: Bool = false
    ) {
        self.bold = bold
        self.numberFormat = numberFormat
        self.wrap = wrap
        self.fill = fill
        self.fontColor = fontColor
        self.border = border
        self.center = center
        self.fontSize = fontSize
        self.top = top
    }

    /// Dates as the district writes them.
    public static let date = Style(numberFormat: "DD.MM.YYYY")
    public static let integer = Style(numberFormat: "0")
    public static let decimal = Style(numberFormat: "0.0")
    public static let percent = Style(numberFormat: "0.0")
    public static let header = Style(bold: true, wrap: true, fill: 0xDDEBF7, border: true, top: true)
    public static let wrapped = Style(wrap: true)
    public static let title = Style(bold: true, fontSize: 13)

    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if wrap { format_set_text_wrap(format) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill)
        }
        if let fontColor { format_set_font_color(format, fontColor) }
        if border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if center { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if top { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
    }
}
