import Foundation

/// A path as the file system holds it: bytes, not necessarily valid UTF-8 (an old client writes
/// Windows-1251 names). Every system call on a school's file goes through one of these, so a name
/// that is not UTF-8 is still found, read and moved.
public struct DiskPath: Sendable, Hashable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    public init(_ path: String) { bytes = Array(path.utf8) }
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// `self/name`.
    public func appending(_ name: [UInt8]) -> DiskPath { DiskPath(bytes: bytes + [0x2F] + name) }
    public func appending(_ name: String) -> DiskPath { appending(Array(name.utf8)) }

    public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// How a person reads the path: UTF-8 as it is, a name that is not UTF-8 read as Windows-1251.
    public var description: String {
        bytes.split(separator: 0x2F, omittingEmptySubsequences: false).map { FileName.display(Array($0)) }.joined(separator: "/")
    }
}

/// File and folder names as the run shows them.
public enum FileName {
    /// A name in UTF-8 as it is; any other name decoded as Windows-1251 (the code page of the old
    /// Russian Windows clients that write such names), so a curator recognises it.
    public static func display(_ bytes: [UInt8]) -> String {
        let valid = bytes.withUnsafeBufferPointer(TextDecoding.isValidUTF8)
        return bytes.withUnsafeBufferPointer { valid ? String(decoding: $0, as: UTF8.self) : Windows1251.string($0) }
    }

    /// Whether the name is not the UTF-8 it is shown as.
    public static func isUTF8(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(TextDecoding.isValidUTF8) }

    /// Why the night leaves a file of this name alone while it is written: a lock file of Excel
    /// (`~$наставники.xlsx`) or LibreOffice (`.~lock.наставники.xlsx#`), or a file still being
    /// copied or downloaded (`.tmp`, `.part`, `.crdownload`); nil for a name the night takes. The
    /// curators' page refuses such names for the same reason.
    public static func inFlight(_ name: String) -> String? {
        let lower = name.lowercased()
        if name.hasPrefix("~$") || (name.hasPrefix(".~lock.") && name.hasSuffix("#")) { return "файл блокировки Excel или LibreOffice" }
        if [".tmp", ".part", ".crdownload"].contains(where: lower.hasSuffix) { return "файл ещё копируется" }
        return nil
    }

    /// The longest name a Linux file system takes, in bytes.
    public static let maxBytes = Int(NAME_MAX)

    /// `name` with `suffix` inserted before its extension (`mentors (2).csv`), the stem shortened at a
    /// character boundary so that the whole stays within `maxBytes`.
    public static func numbered(_ name: String, suffix: String) -> String {
        let ns = name as NSString
        let ext = ns.pathExtension.isEmpty ? "" : "." + ns.pathExtension
        var stem = ns.deletingPathExtension
        while stem.utf8.count + suffix.utf8.count + ext.utf8.count > maxBytes, !stem.isEmpty { stem.removeLast() }
        return stem + suffix + ext
    }

    /// A name that fits the file system: over-long names (as another file system may hold them) are
    /// shortened the same way.
    public static func fitted(_ name: String) -> String { name.utf8.count <= maxBytes ? name : numbered(name, suffix: "") }
}
