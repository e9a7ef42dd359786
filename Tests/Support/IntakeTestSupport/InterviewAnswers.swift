import Foundation

/// What a person types to go through the shipped interview from the first question to the
/// end screen, shared by the transcript, pipe and installed-binary tests.
public enum InterviewAnswers {
  /// An English session with a wrong answer, an ambiguous one, help and review.
  public static let english = [
    "no", "respond", "Washington", "race, purple", "race", "police", "1", "3", "?", "no", "yes", "yes", "neighborhood", "no",
    ":review", "dialogue, mediation", "yes", "Seattle",
  ]
  /// A Vietnamese session typed with diacritics.
  public static let vietnamese = [
    "không", "phòng ngừa", "Texas", "tôn giáo", "không có", "không có bạo lực", "không", "không", "nơi thờ phượng", "không",
    "lãnh đạo tôn giáo", ":xem lại", "huấn luyện", "Houston",
  ]
  /// A Vietnamese session typed without diacritics.
  public static let vietnameseWithoutDiacritics = [
    "khong", "ung pho", "washington", "chung toc, ton giao", "khong co", "canh sat", "2", "hom qua", "co", "co", "khong", "truong", "1",
    "khong", "lanh dao cong dong", "doi thoai va hoa giai", "co", ":tai sao", "Seattle",
  ]

  /// Standard input for typed `answers`: first Enter at the invitation to describe the
  /// situation in one's own words, then one answer per line.
  public static func typed(_ answers: [String]) -> Data {
    Data(([""] + answers).map { $0 + "\n" }.joined().utf8)
  }
}
