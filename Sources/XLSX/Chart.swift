import CXLSXWriter

/// A chart, placed on a sheet with `Sheet.insert`.
public struct Chart {
    public enum Kind {
        case column, bar, pie
        var code: UInt8 {
            switch self {
            case .column: UInt8(LXW_CHART_COLUMN.rawValue)
            case .bar: UInt8(LXW_CHART_BAR.rawValue)
            case .pie: UInt8(LXW_CHART_PIE.rawValue)
            }
        }
    }

    unowned let workbook: Workbook
    let handle: UnsafeMutablePointer<lxw_chart>

    /// A series: categories and values are ranges such as `Sheet.range(...)`.
    public func addSeries(name: String, categories: String, values: String) {
        let series = chart_add_series(handle, workbook.retain(categories), workbook.retain(values))
        chart_series_set_name(series, name)
    }

    public func axisTitles(x: String, y: String) {
        if let axis = handle.pointee.x_axis { chart_axis_set_name(axis, x) }
        if let axis = handle.pointee.y_axis { chart_axis_set_name(axis, y) }
    }
}
