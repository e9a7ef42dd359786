import IntakeLoading

/// The package's `Rules/` and `Locales/` as they were when the binary was built (written into
/// `EmbeddedFiles.swift` by the EmbedData build-tool plugin, `Plugins/EmbedData`), so a binary copied anywhere works
/// without the source tree. They are read by the same loaders as a folder on disk, so `check`
/// reports their problems as `Rules/facts.yaml:line:column`, and they are cached under their
/// content digest.
public enum EmbeddedData {
  /// The shipped `Rules/`.
  public static var rules: DataFolder {
    .embedded(name: "Rules", files: EmbeddedFiles(base64: rulesFiles, digest: rulesDigest))
  }

  /// The shipped `Locales/`.
  public static var locales: DataFolder {
    .embedded(name: "Locales", files: EmbeddedFiles(base64: localesFiles, digest: localesDigest))
  }
}
