import Foundation
import Reading

/// The name an upload is kept under: the name the curator's file has, composed (NFC: a Mac writes
/// `й` as two characters, which would be another file beside the first) and otherwise exactly as
/// given. A name the night would not take (a lock file, a partial download, a hidden file), or one
/// that cannot be shown as it is (control and bidirectional characters), or that the file system
/// cannot hold, is refused with the reason: never turned into another name, which could replace
/// another file.
enum UploadName {
    static func check(_ raw: String) -> Result<String, Refused> {
        let name = raw.precomposedStringWithCanonicalMapping
        if name.isEmpty { return .failure(Refused("Нет имени файла.")) }
        if name.contains("/") || name.contains("\\") {
            return .failure(Refused("Имя файла «\(visible(name))» содержит «/» или «\\»: нужно имя файла, а не путь."))
        }
        if name.unicodeScalars.contains(where: isControl) {
            return .failure(Refused("В имени файла «\(visible(name))» есть управляющие символы: переименуйте файл."))
        }
        if name.unicodeScalars.contains(where: isBidirectional) {
            return .failure(
                Refused(
                    "В имени файла «\(visible(name))» есть невидимые символы смены направления текста: имя может выглядеть не тем, "
                        + "что оно есть. Переименуйте файл."))
        }
        if let why = FileName.inFlight(name) {
            return .failure(
                Refused(
                    "«\(name)» — \(why), а не сам файл: такой файл ночная обработка не берёт. Закройте файл в Excel и пришлите его "
                        + "под его собственным именем."))
        }
        if name.hasPrefix(".") {
            return .failure(Refused("Имя «\(name)» начинается с точки: такой файл скрыт, и ночная обработка его не возьмёт."))
        }
        if name != name.trimmingCharacters(in: .whitespaces) {
            return .failure(Refused("Имя файла «\(name)» начинается или кончается пробелом: переименуйте файл."))
        }
        if name.utf8.count > FileName.maxBytes {
            return .failure(
                Refused("Имя файла слишком длинное (\(name.utf8.count) байт в UTF-8, можно \(FileName.maxBytes)): сократите его."))
        }
        return .success(name)
    }

    struct Refused: Error, Equatable {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// C0 and C1 controls and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The marks and overrides that change the direction text is shown in (Unicode's Bidi_Control).
    static func isBidirectional(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The name with its invisible characters shown as `U+XXXX`, for the message that refuses it.
    static func visible(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if isControl(scalar) || isBidirectional(scalar) {
                out += "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(width - count, 0)) + self }
}
