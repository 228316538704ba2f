import Testing
@testable import FenjieText

@Suite struct LanguageTests {
  @Test func localeChoosesTheLanguage() {
    #expect(Language.of(environment: [:]) == .chinese)
    #expect(Language.of(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
    #expect(Language.of(environment: ["LANG": "en_US.UTF-8"]) == .english)
    // LC_ALL wins over LANG, as in the C library.
    #expect(Language.of(environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .chinese)
    #expect(Language.of(environment: ["LC_ALL": "", "LANG": "en_GB.UTF-8"]) == .english)
  }

  @Test func optionWinsOverLocale() {
    let english = ["LANG": "en_US.UTF-8"]
    #expect(Language.of(arguments: ["fenjie", "--lang", "zh", "x.toml"], environment: english) == .chinese)
    #expect(Language.of(arguments: ["fenjie", "x.toml", "--lang=en"], environment: [:]) == .english)
    // After "--" everything is an argument, not an option.
    #expect(Language.of(arguments: ["fenjie", "--", "--lang", "en"], environment: [:]) == .chinese)
  }

  @Test func listsAndJoins() {
    #expect(Message.list(["甲", "乙", "丙"]).chinese == "甲、乙和丙")
    #expect(Message.list(["a", "b", "c"]).english == "a, b and c")
    let both = Message(zh: "一。", en: "One.") + Message(zh: "二。", en: "Two.")
    #expect(both.chinese == "一。二。" && both.english == "One. Two.")
    #expect(both.text(.english) == "One. Two.")
  }
}
