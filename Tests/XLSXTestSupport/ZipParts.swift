import Foundation
import ZIPFoundation

/// A zip of the given parts in memory: a workbook made by hand, or one taken apart and put back
/// together with a part changed.
public enum ZipParts {
    /// `stored`: not compressed (as an `.ods` keeps its `mimetype`).
    public static func zip(_ parts: [(String, String)], stored: Bool = false) throws -> [UInt8] {
        try zip(parts.map { ($0.0, Data($0.1.utf8)) }, stored: stored)
    }

    public static func zip(_ parts: [(String, Data)], stored: Bool = false) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 0),
                compressionMethod: stored ? .none : .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return Array(archive.data!)
    }

    /// Every part of a zip, in the archive's order.
    public static func parts(_ bytes: [UInt8]) throws -> [(String, Data)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data)
        }
    }
}
