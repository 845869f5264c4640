import Domain

/// One teacher employed by two schools on the same days (SPEC §4 `кадры`): part-time work, accepted
/// with a warning in the receipt of the school whose list says so tonight. Tonight's staff lists are
/// compared with each other and with the registry's current lists that tonight's do not replace.
enum PartTimeCheck {
    struct List {
        var index: Int
        var folder: String
        var file: String
        var staff: [StaffRecord]
    }

    /// Warnings by list index. Throws when the registry cannot be asked.
    static func warnings(_ lists: [List], baseline: Baseline) throws -> [Int: [Finding]] {
        var employments: [Snils: [(folder: String, record: StaffRecord)]] = [:]
        for list in lists {
            for record in list.staff { employments[record.snils, default: []].append((list.folder, record)) }
        }
        let replaced = Set(lists.map(\.folder))
        for (folder, staff) in try baseline.staffWithSnils(Set(employments.keys)) where !replaced.contains(folder) {
            for record in staff { employments[record.snils, default: []].append((folder, record)) }
        }
        var out: [Int: [Finding]] = [:]
        for list in lists {
            var findings: [Finding] = []
            for record in list.staff {
                guard let all = employments[record.snils], all.count > 1,
                    let other = all.first(where: { $0.folder != list.folder && $0.record.overlaps(record) })
                else { continue }
                findings.append(
                    Finding(
                        .warning, file: list.file, row: record.row, column: Column.snils.title, value: record.snils.description,
                        message: "По списку кадров ОО «\(other.folder)» этот педагог работает и там в те же дни "
                            + "(принят \(other.record.hiredOn.russian)) — учтён как совместитель. Если это не так, проверьте СНИЛС "
                            + "и даты приёма и увольнения."))
            }
            if !findings.isEmpty { out[list.index] = findings }
        }
        return out
    }
}
