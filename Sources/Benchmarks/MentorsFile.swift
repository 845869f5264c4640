import Foundation

/// A plausible mentors file: valid СНИЛС, Cyrillic names, every column filled as schools fill it.
enum MentorsFile {
    static let lastNames = [
        "Андреева", "Хабибуллин", "Сорокина", "Зарипова", "Фёдорова", "Кузнецов", "Шарафутдинова", "Яруллина", "Белов", "Захарова",
    ]
    static let firstNames = ["Галина", "Ильдар", "Елена", "Гульнара", "Нина", "Андрей", "Эльвира", "Резеда", "Сергей", "Валентина"]
    static let middleNames = [
        "Петровна", "Ринатович", "Викторовна", "Ильдусовна", "Алексеевна", "Николаевич", "Фаритовна", "Шамилевна", "Павлович", "Ивановна",
    ]
    static let subjects = [
        "Русский язык и литература", "Математика", "Начальные классы", "Химия", "Физика", "Татарский язык", "История", "Информатика",
    ]
    static let categories = ["высшая", "первая", "соответствие занимаемой должности", "без категории"]

    static func snils(_ n: Int) -> String {
        let nine = String(format: "%09d", 2_000_000 + n * 7 % 997_000_000)
        let digits = nine.compactMap(\.wholeNumberValue)
        let sum = (0..<9).reduce(0) { $0 + digits[$1] * (9 - $1) }
        let check = sum < 100 ? sum : (sum == 100 || sum == 101 ? 0 : (sum % 101 == 100 ? 0 : sum % 101))
        let a = Array(nine)
        return "\(String(a[0..<3]))-\(String(a[3..<6]))-\(String(a[6..<9])) \(String(format: "%02d", check))"
    }

    /// A file of exactly `rows` mentors, numbered from `first` (each school has its own people).
    static func text(rows: Int, first: Int = 1) -> String {
        var out = header
        for n in first..<(first + rows) { out += row(n) }
        return out
    }

    static let header =
        "СНИЛС;Фамилия;Имя;Отчество;Дата рождения;Должность;Предмет (направление);Педагогический стаж, лет;"
        + "Квалификационная категория;Дата ПК по наставничеству;Согласие на публикацию\r\n"

    static func row(_ n: Int, uniqueSurname: Bool = false) -> String {
        let surname = uniqueSurname ? Self.uniqueSurname(n) : lastNames[n % 10]
        let birth = String(format: "%02d.%02d.%d", n % 28 + 1, n % 12 + 1, 1960 + n % 40)
        let training = n % 3 == 0 ? "" : String(format: "%02d.%02d.%d", n % 27 + 1, n % 12 + 1, 2020 + n % 5)
        return "\(snils(n));\(surname);\(firstNames[n / 10 % 10]);\(middleNames[n / 100 % 10]);\(birth);Учитель;"
            + "\(subjects[n % 8]);\(n % 40),\(n % 10);\(categories[n % 4]);\(training);\(n % 2 == 0 ? "да" : "нет")\r\n"
    }

    /// At least `megabytes` of Windows-1251 (Cyrillic is two bytes in UTF-8 and one in Windows-1251,
    /// so the UTF-8 text is sized at 1.8×).
    static func text(megabytes: Int, uniqueSurnames: Bool) -> String {
        var out = header
        var n = 0
        while out.utf8.count < megabytes * 1_048_576 * 18 / 10 {
            n += 1
            out += row(n, uniqueSurname: uniqueSurnames)
        }
        return out
    }

    /// A surname no other row has (the worst case for sharing repeated values): «Андреева-вгдб».
    static func uniqueSurname(_ n: Int) -> String {
        let letters = Array("абвгдежзик")
        return lastNames[n % 10] + "-" + String(String(n).map { letters[$0.wholeNumberValue!] })
    }
}
