/// Words and phrases people use for the facts (`Rules/lexicon.yaml`), in Vietnamese and
/// English: what a narrative can tell the interview before it asks anything.
public struct Lexicon: Sendable, Equatable {
  /// What a phrase says, read one way or another by the tense of its clause.
  public struct Entry: Sendable, Equatable {
    public var id: String
    public var phrases: [String]
    /// Phrases that match only when typed with their Vietnamese marks: folded, they read like
    /// everyday words ("chùa" folds like "chưa", "bắn" like "bán").
    public var accented: [String] = []
    /// Phrases that count only inside quoted speech ('no Viets here', "tụi bây về nước đi"):
    /// a nationality or a "go home" quoted by a victim is a bias marker, the same words in the
    /// writer's own sentence are not.
    public var quoted: [String] = []
    /// Facts this phrase says nothing can be read for ("cũng người Việt", "not discrimination":
    /// a basis named elsewhere in the text is no basis of this conflict).
    public var clears: [String] = []
    /// The reading with no tense cue (or with a tense that has no reading of its own).
    public var set: [String: FactValue]
    /// The reading in a clause about the past.
    public var past: [String: FactValue]?
    /// The reading in a clause about the future.
    public var future: [String: FactValue]?
    public var location: SourceLocation?

    public init(
      id: String, phrases: [String], set: [String: FactValue], past: [String: FactValue]? = nil,
      future: [String: FactValue]? = nil, location: SourceLocation? = nil
    ) {
      self.id = id
      self.phrases = phrases
      self.set = set
      self.past = past
      self.future = future
      self.location = location
    }
  }

  /// A city people name, with its state.
  public struct City: Sendable, Equatable {
    public var names: [String]
    public var city: String
    public var state: String
    public var location: SourceLocation?

    public init(names: [String], city: String, state: String, location: SourceLocation? = nil) {
      self.names = names
      self.city = city
      self.state = state
      self.location = location
    }
  }

  /// What a reading implies as a whole: a violent act with a bias marker is a hate crime;
  /// a number of days since something is a request about something that happened.
  public struct Implication: Sendable, Equatable {
    /// Facts read with these values (a set: including them; `nil`: read at all).
    public var when: [String: FactValue?]
    /// Added to the reading: set values joined, other facts only when not read.
    public var add: [String: FactValue]
    public var location: SourceLocation?

    public init(when: [String: FactValue?], add: [String: FactValue], location: SourceLocation? = nil) {
      self.when = when
      self.add = add
      self.location = location
    }
  }

  public var negation: [String]
  /// Negation cues that count only when typed with their marks ("chả" folds like "cha").
  public var negationAccented: [String] = []
  public var past: [String]
  public var future: [String]
  /// Words that put a number of days ahead ("in 5 days", "5 ngày nữa").
  public var ahead: [String] = []
  /// Words that put a number of days in the past ("3 days ago", "ba ngày trước").
  public var ago: [String] = []
  /// Words that say a clause is about now ("right now", "đang", "bây giờ"): such a clause
  /// does not take the tense of the clause before it.
  public var present: [String] = []
  /// Words that say what follows has not happened ("if", "afraid", "nếu", "lỡ", "sợ có"):
  /// an act after them is feared, not done.
  public var hypothetical: [String] = []
  /// Words that say the rest of the sentence is news from elsewhere ("coi tin tức thấy", "on
  /// the news"): acts told there happened to others, not to the people writing.
  public var reported: [String] = []
  /// Words that place their whole clause elsewhere, wherever they stand in it ("ở tiểu bang
  /// khác", "in another state"): "năm ngoái có vụ nổ súng ở một nhà thờ bên tiểu bang khác"
  /// happened to others.
  public var elsewhere: [String] = []
  /// Pronouns that stand for the police named just before ("they", "họ"), among the first
  /// words of a clause: what "they" did there is read as what the police did.
  public var policePronouns: [String] = []
  /// Words after which such a pronoun begins what is said next, anywhere in its clause ("…
  /// thì họ đè ảnh xuống").
  public var pronounLeads: [String] = []
  /// The names of the police (the word class `police`), which those pronouns stand for.
  public var policeNames: [String] = []
  public var entries: [Entry]
  /// Other spellings of state names, by state code.
  public var stateSpellings: [String: [String]]
  public var cities: [City]
  public var implications: [Implication] = []
  /// Everyday Vietnamese words and phrases, with their marks ("chưa", "bán", "tháng sáu"): a
  /// phrase matched without marks must not fold onto one of them (`check` warns), or it
  /// belongs under `accented:`.
  public var everyday: [String] = []
  /// How people type words short (teencode and keyboard habits), by the word they stand for:
  /// "cảnh sát" ← cs, "không" ← ko, k, hok; "được" ← dc, đc. A word typed so matches every
  /// phrase as the word it stands for, typed with its marks.
  public var spellings: [String: [String]] = [:]
  /// Towns and cities by state code (`towns:`): read only where a place is clearly named ("in
  /// Mobile", "Pueblo, Colorado"), unlike `cities`, which people name any way they like.
  public var towns: [String: [String]] = [:]
  /// A town name found in several states, with the state it means when none is named.
  public var townStates: [String: String] = [:]

  public init(
    negation: [String] = [], past: [String] = [], future: [String] = [], entries: [Entry] = [],
    stateSpellings: [String: [String]] = [:], cities: [City] = []
  ) {
    self.negation = negation
    self.past = past
    self.future = future
    self.entries = entries
    self.stateSpellings = stateSpellings
    self.cities = cities
  }
}
