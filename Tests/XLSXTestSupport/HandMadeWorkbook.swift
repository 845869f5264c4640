import Foundation

/// Workbooks written by hand, part by part: what another program's bytes look like, with the quirk
/// a test is about.
public enum HandMadeWorkbook {
    /// The smallest workbook Excel opens: a workbook part, its relationships, and sheets.
    public static func bytes(sheets: [(name: String, xml: String, state: String?)], extra: [(String, String)] = [], workbookPr: String = "")
        throws -> [UInt8]
    {
        var parts: [(String, String)] = [
            (
                "_rels/.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            )
        ]
        var sheetList = ""
        var relations = ""
        for (i, sheet) in sheets.enumerated() {
            let state = sheet.state.map { #" state="\#($0)""# } ?? ""
            sheetList += #"<sheet name="\#(sheet.name)" sheetId="\#(i + 1)"\#(state) r:id="rId\#(i + 1)"/>"#
            relations +=
                #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
            parts.append(("xl/worksheets/sheet\(i + 1).xml", sheetXML(sheet.xml)))
        }
        for (path, _) in extra where path == "xl/sharedStrings.xml" {
            relations +=
                #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        for (path, _) in extra where path == "xl/styles.xml" {
            relations +=
                #"<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>"#
        }
        parts.append(
            (
                "xl/workbook.xml",
                #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\#(workbookPr)<sheets>\#(sheetList)</sheets></workbook>"#
            ))
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relations)</Relationships>"#
            ))
        return try ZipParts.zip(parts + extra)
    }

    public static func sheetXML(_ rows: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\#(rows)</sheetData></worksheet>"#
    }

}
