/// A model that cannot be handed to GLPK, or a failure inside GLPK.
public struct GLPKError: Error, CustomStringConvertible, Sendable {
  public enum Kind: Sendable { case invalidModel, internalFailure, fileWrite }
  public var kind: Kind
  public var message: String
  public var description: String { message }
}
