/// Maps BodyPartExamined as scanners and technicians write it (any case,
/// padded, in English, Latin or Russian) to one standard term from the
/// DICOM body part list (PS3.16 Annex L), so a chest study is `CHEST`
/// whatever the scanner wrote.
public enum BodyPartNormalizer {
  public static func normalize(_ raw: String) -> String {
    let cleaned = clean(raw)
    if cleaned.isEmpty { return "" }
    return synonyms[cleaned] ?? cleaned
  }

  /// Upper-cases, trims and folds runs of spaces, dashes and underscores
  /// into one space.
  static func clean(_ raw: String) -> String {
    var words: [String] = []
    var current = ""
    for character in raw.uppercased() {
      if character == " " || character == "_" || character == "-" || character == "\0" {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.joined(separator: " ")
  }

  private static let groups: [String: [String]] = [
    "CHEST": [
      "THORAX", "LUNG", "LUNGS", "CHEST PA", "CHEST AP", "CHEST LAT", "TORSO", "ГРУДНАЯ КЛЕТКА",
      "ГРУДЬ", "ОГК", "ОРГАНЫ ГРУДНОЙ КЛЕТКИ", "ЛЕГКИЕ", "ЛЁГКИЕ", "ГРУДНОЙ КЛЕТКИ",
    ],
    "HEAD": ["BRAIN", "SKULL", "CRANIUM", "ГОЛОВА", "ГОЛОВНОЙ МОЗГ", "ЧЕРЕП", "МОЗГ"],
    "ABDOMEN": ["ABD", "ABDOM", "БРЮШНАЯ ПОЛОСТЬ", "ЖИВОТ", "ОБП", "ОРГАНЫ БРЮШНОЙ ПОЛОСТИ"],
    "PELVIS": ["ТАЗ", "МАЛЫЙ ТАЗ", "ОРГАНЫ МАЛОГО ТАЗА"],
    "NECK": ["ШЕЯ"],
    "CSPINE": ["C SPINE", "CERVICAL SPINE", "ШЕЙНЫЙ ОТДЕЛ ПОЗВОНОЧНИКА", "ШОП"],
    "TSPINE": ["T SPINE", "THORACIC SPINE", "ГРУДНОЙ ОТДЕЛ ПОЗВОНОЧНИКА", "ГОП"],
    "LSPINE": ["L SPINE", "LUMBAR SPINE", "ПОЯСНИЧНЫЙ ОТДЕЛ ПОЗВОНОЧНИКА", "ПОП"],
    "SPINE": ["ПОЗВОНОЧНИК"],
    "FOOT": ["FEET", "СТОПА", "СТОПЫ"],
    "HAND": ["HANDS", "КИСТЬ", "КИСТИ"],
    "KNEE": ["KNEES", "КОЛЕНО", "КОЛЕННЫЙ СУСТАВ"],
    "SHOULDER": ["ПЛЕЧО", "ПЛЕЧЕВОЙ СУСТАВ"],
    "HIP": ["ТАЗОБЕДРЕННЫЙ СУСТАВ"],
    "ANKLE": ["ГОЛЕНОСТОП", "ГОЛЕНОСТОПНЫЙ СУСТАВ"],
    "WRIST": ["ЗАПЯСТЬЕ", "ЛУЧЕЗАПЯСТНЫЙ СУСТАВ"],
    "ELBOW": ["ЛОКОТЬ", "ЛОКТЕВОЙ СУСТАВ"],
    "BREAST": ["MAMMA", "МОЛОЧНАЯ ЖЕЛЕЗА", "МОЛОЧНЫЕ ЖЕЛЕЗЫ"],
    "CHESTABDOMEN": ["CHEST ABDOMEN", "THORAX ABDOMEN"],
    "CHESTABDPELVIS": ["CHEST ABDOMEN PELVIS", "CAP"],
    "ABDOMENPELVIS": ["ABDOMEN PELVIS", "ABD PELVIS"],
    "WHOLEBODY": ["WHOLE BODY", "ВСЁ ТЕЛО", "ВСЕ ТЕЛО"],
    "EXTREMITY": ["LIMB", "КОНЕЧНОСТЬ"],
  ]

  private static let synonyms: [String: String] = {
    var table: [String: String] = [:]
    for (standard, variants) in groups {
      for variant in variants { table[clean(variant)] = standard }
    }
    return table
  }()
}
