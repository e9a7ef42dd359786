import Foundation

/// Vietnamese letters that English never uses: vowels with breve, circumflex or horn, đ,
/// and the tone marks.
private let vietnameseLetters = Set(
  "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ".unicodeScalars.map(\.value))

/// Whether `text` holds a letter only Vietnamese uses (in either case, composed or not).
public func hasVietnameseLetters(_ text: String) -> Bool {
  text.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars.contains { vietnameseLetters.contains($0.value) }
}
