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

    /// A series: categories and values are ranges such as `Sheet.range(...)`; each point labelled
    /// with its value (a pie's also with its share).
    public func addSeries(name: String, categories: String, values: String) {
        let series = chart_add_series(handle, workbook.retain(categories), workbook.retain(values))
        chart_series_set_name(series, name)
        chart_series_set_labels(series)
        if handle.pointee.type == Kind.pie.code {
            chart_series_set_labels_options(series, 0, 1, 1)
            chart_series_set_labels_percentage(series)
        }
    }

    /// No legend: the categories are on the axis (or by the slices).
    public func hideLegend() { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }

    public func axisTitles(x: String, y: String) {
        if let axis = handle.pointee.x_axis { chart_axis_set_name(axis, x) }
        if let axis = handle.pointee.y_axis { chart_axis_set_name(axis, y) }
    }
}
