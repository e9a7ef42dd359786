/// The few messages that must be shown when the texts themselves cannot be loaded: a data
/// folder given by `--rules` / `--locales` (or their variables) that is not there, where the data
/// came from when it is invalid, and the summary, the skipped checks and reading problems of a
/// broken locale file.
/// They live in code, in both languages; every other text comes from `Locales/`. Keys that also
/// exist in `Locales/` hold the same text there (a test compares them).
public enum BuiltInMessages {
  /// The built-in texts as a catalog, to fall back on (`MessageCatalog.fallingBack(to:)`).
  public static let catalog = MessageCatalog(texts: [.en: english, .vi: vietnamese])

  private static let english: [String: String] = [
    "data.rules-not-found":
      "The rules folder '{path}' (given by {origin}) does not exist or holds no facts.yaml. Give the folder that holds facts.yaml with --rules DIR or CRS_INTAKE_RULES=DIR, or give neither to use the rules built into crs-intake.",
    "data.locales-not-found":
      "The texts folder '{path}' (given by {origin}) does not exist or holds no en.yaml. Give the folder that holds en.yaml and vi.yaml with --locales DIR or CRS_INTAKE_LOCALES=DIR, or give neither to use the texts built into crs-intake.",
    "data.rules-from":
      "The rules were read from '{path}' (given by {origin}); with neither --rules nor CRS_INTAKE_RULES, crs-intake uses the rules built into it.",
    "data.locales-from":
      "The texts were read from '{path}' (given by {origin}); with neither --locales nor CRS_INTAKE_LOCALES, crs-intake uses the texts built into it.",
    "cli.data-invalid": "The rules or texts have {count} errors; run 'crs-intake check' to see them all.",
    "check.summary": "{errors} errors, {warnings} warnings.",
    "check.skipped": "The checks that depend on {files} were skipped; fix it and run 'crs-intake check' again.",
    "diagnostic.suggestion": "Did you mean '{suggestion}'?",
    "diagnostic.none-accepted": "none yet: nothing of this kind is defined, or the file that defines them could not be read",
    "diagnostic.file-unreadable": "Cannot read the file '{path}'.",
    "diagnostic.file-not-utf8": "The file is not valid UTF-8 text here; save it as UTF-8.",
    "diagnostic.yaml-syntax": "This is not valid YAML: {problem}.",
    "diagnostic.file-shape": "This file is not laid out as expected: it must be key: value lines with the key '{expected}:'.",
  ]

  private static let vietnamese: [String: String] = [
    "data.rules-not-found":
      "Không tìm thấy thư mục quy tắc '{path}' (chỉ định bằng {origin}), hoặc thư mục này không có tập tin facts.yaml. Xin quý vị chỉ định thư mục có facts.yaml bằng --rules DIR hoặc CRS_INTAKE_RULES=DIR, hoặc bỏ cả hai để dùng bộ quy tắc có sẵn trong crs-intake.",
    "data.locales-not-found":
      "Không tìm thấy thư mục văn bản '{path}' (chỉ định bằng {origin}), hoặc thư mục này không có tập tin en.yaml. Xin quý vị chỉ định thư mục có en.yaml và vi.yaml bằng --locales DIR hoặc CRS_INTAKE_LOCALES=DIR, hoặc bỏ cả hai để dùng bộ văn bản có sẵn trong crs-intake.",
    "data.rules-from":
      "Quy tắc được đọc từ '{path}' (chỉ định bằng {origin}); khi không có --rules và CRS_INTAKE_RULES, crs-intake dùng bộ quy tắc có sẵn bên trong.",
    "data.locales-from":
      "Văn bản được đọc từ '{path}' (chỉ định bằng {origin}); khi không có --locales và CRS_INTAKE_LOCALES, crs-intake dùng bộ văn bản có sẵn bên trong.",
    "cli.data-invalid": "Quy tắc hoặc văn bản có {count} lỗi; hãy chạy 'crs-intake check' để xem tất cả.",
    "check.summary": "{errors} lỗi, {warnings} cảnh báo.",
    "check.skipped": "Các bước kiểm tra phụ thuộc vào {files} đã được bỏ qua; xin quý vị sửa tập tin đó rồi chạy lại 'crs-intake check'.",
    "diagnostic.suggestion": "Có phải ý quý vị là '{suggestion}'?",
    "diagnostic.none-accepted": "chưa có: chưa có mục nào thuộc loại này, hoặc không đọc được tập tin định nghĩa chúng",
    "diagnostic.file-unreadable": "Không đọc được tập tin '{path}'.",
    "diagnostic.file-not-utf8": "Tập tin không phải văn bản UTF-8 hợp lệ ở chỗ này; hãy lưu lại dưới dạng UTF-8.",
    "diagnostic.yaml-syntax": "Đây không phải YAML hợp lệ: {problem}.",
    "diagnostic.file-shape": "Tập tin này không đúng dạng: phải là các dòng key: value, có khóa '{expected}:'.",
  ]
}
