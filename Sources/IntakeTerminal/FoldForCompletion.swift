/// The same folding as answer matching (lowercase, no diacritics, `đ` as `d`), for Tab
/// completion. The terminal layer does not depend on the core, so it is injected.
public enum FoldForCompletion {
  nonisolated(unsafe) public static var fold: (String) -> String = { $0.lowercased() }
}
