/// What the solver says when a line cannot be solved (求解器): why GLPK stopped, and why a model
/// was refused before GLPK saw it. Shown after "could not be allocated" on a line of the table;
/// kept short. Variable and constraint names are the model's own (`x_扬名街道`).
extension Say {
  public enum Solver {
    public static let optimal = Message(zh: "最优", en: "optimal")
    public static let feasible = Message(zh: "可行，但未证明最优", en: "feasible, not proven optimal")
    public static let infeasible = Message(zh: "没有满足全部约束的解", en: "no solution satisfies every constraint")
    public static let unbounded = Message(zh: "目标无界", en: "the objective is unbounded")
    public static let timeLimit = Message(zh: "到达求解时间上限而停止", en: "stopped at the time limit")
    public static func numericalTrouble(_ code: Int32) -> Message {
      Message(zh: "GLPK 因数值困难而停止（代码 \(code)）", en: "GLPK stopped on numerical difficulty (code \(code))")
    }
    public static func refused(_ code: Int32) -> Message {
      Message(zh: "GLPK 拒绝了这个模型（代码 \(code)）", en: "GLPK refused the model (code \(code))")
    }
    public static func internalError(_ failure: String) -> Message {
      Message(zh: "GLPK 内部错误：\(failure)", en: "GLPK reported an internal error: \(failure)")
    }

    // Why a model is refused before it reaches a solver (`LinearModel.problem`).
    public static let objectiveConstant = Message(zh: "目标函数的常数项不是有限数", en: "the objective constant is not a finite number")
    public static func variable(_ name: String) -> Message { Message(zh: "变量 \(name) ", en: "variable \(name) ") }
    public static func integerVariable(_ name: String) -> Message { Message(zh: "整数变量 \(name) ", en: "integer variable \(name) ") }
    public static func constraint(_ name: String) -> Message { Message(zh: "约束 \(name) ", en: "constraint \(name) ") }
    public static let badBound = Message(zh: "的界不是大小合理的有限数", en: "has a bound that is not a finite number of sensible size")
    public static let badCost = Message(zh: "的目标系数不是大小合理的有限数", en: "has an objective coefficient that is not a finite number of sensible size")
    public static let badCoefficient = Message(zh: "有一个系数不是大小合理的有限数", en: "has a coefficient that is not a finite number of sensible size")
    public static func crossedBounds(_ lower: String, _ upper: String) -> Message {
      Message(zh: "的下界 \(lower) 高于上界 \(upper)", en: "has lower bound \(lower) above upper bound \(upper)")
    }
    public static func fractionalLower(_ lower: String) -> Message {
      Message(zh: "的下界 \(lower) 不是整数", en: "has a fractional lower bound \(lower)")
    }
    public static func fractionalUpper(_ upper: String) -> Message {
      Message(zh: "的上界 \(upper) 不是整数", en: "has a fractional upper bound \(upper)")
    }
    public static func missingVariable(_ index: Int) -> Message {
      Message(zh: "引用了不存在的变量 \(index)", en: "refers to variable \(index), which does not exist")
    }
    public static let tooLarge = Message(zh: "模型太大", en: "the model is too large")
  }
}
