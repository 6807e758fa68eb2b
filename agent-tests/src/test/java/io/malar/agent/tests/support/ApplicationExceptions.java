package io.malar.agent.tests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The exceptions an application's own log lines name, the agent's lines left out, sorted. */
public final class ApplicationExceptions {
  private static final Pattern EXCEPTION = Pattern.compile("\\b(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b(?::[^\\n]*)?");

  private ApplicationExceptions() {}

  public static List<String> in(String stderr) {
    List<String> exceptions = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (line.contains("\"logger\":\"malar-agent\"") || line.trim().startsWith("at ")) {
        continue;
      }
      Matcher exception = EXCEPTION.matcher(line);
      while (exception.find()) {
        exceptions.add(exception.group());
      }
    }
    exceptions.sort(null);
    return exceptions;
  }
}
