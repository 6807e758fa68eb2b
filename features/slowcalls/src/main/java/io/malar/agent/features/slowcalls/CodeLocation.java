package io.malar.agent.features.slowcalls;

/** A line of application code: where a slow or repeated call was issued. */
final class CodeLocation {
  private final String className;
  private final String methodName;
  private final String fileName;
  private final int line;

  CodeLocation(String className, String methodName, String fileName, int line) {
    this.className = className;
    this.methodName = methodName;
    this.fileName = fileName;
    this.line = line;
  }

  /** {@code code.function.name}: the class and method, e.g. {@code com.example.Farmers.list}. */
  String functionName() {
    return className + '.' + methodName;
  }

  /** {@code code.file.path}: the source path under the source root, from the package, or null. */
  String filePath() {
    if (fileName == null) {
      return null;
    }
    int lastDot = className.lastIndexOf('.');
    return lastDot < 0 ? fileName : className.substring(0, lastDot + 1).replace('.', '/') + fileName;
  }

  /** The line number, or a negative number when unknown. */
  int line() {
    return line;
  }

  /** As in a stack trace: {@code com.example.Farmers.list(Farmers.java:42)}. */
  @Override
  public String toString() {
    String source = fileName == null ? "Unknown Source" : line >= 0 ? fileName + ':' + line : fileName;
    return functionName() + '(' + source + ')';
  }
}
