/// The colour of each deadline status, the same in every workbook and page (green done, amber late,
/// red overdue…), so that the legend reads the same wherever it is shown.
public struct StatusColour: Sendable, Equatable {
    /// Background, `0xRRGGBB`.
    public var fill: UInt32
    /// Text, `0xRRGGBB`; nil for the default.
    public var text: UInt32?
    public var bold = false
}

extension DeadlineStatus {
    public var colour: StatusColour {
        switch self {
        case .doneOnTime: StatusColour(fill: 0xC6EFCE, text: 0x006100)
        case .doneLate: StatusColour(fill: 0xFFEB9C, text: 0x9C5700)
        case .overdue: StatusColour(fill: 0xFFC7CE, text: 0x9C0006, bold: true)
        case .dueSoon: StatusColour(fill: 0xFCE4D6, text: 0x843C0C)
        case .notYetDue: StatusColour(fill: 0xF2F2F2)
        case .ongoing: StatusColour(fill: 0xDDEBF7, text: 0x1F4E79)
        }
    }
}
