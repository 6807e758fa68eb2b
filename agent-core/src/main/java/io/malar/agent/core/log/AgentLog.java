package io.malar.agent.core.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The agent's own log: one JSON object per line on stderr or in a file, never through the
 * application's logging framework. Fields after the message are given as alternating names and values.
 */
public final class AgentLog {
  private static final JsonFactory JSON = new JsonFactory();
  private static volatile PrintStream out = System.err;

  private AgentLog() {}

  /**
   * Appends the lines to the file at {@code path} from now on; an empty path means stderr. When the
   * file cannot be opened the target stays what it was and the caller reports why.
   */
  public static void useFile(String path) throws IOException {
    PrintStream previous = out;
    if (path.isEmpty()) {
      out = System.err;
    } else {
      out = new PrintStream(new FileOutputStream(path, true), true, StandardCharsets.UTF_8);
    }
    if (previous != System.err && previous != out) {
      previous.close();
    }
  }

  public static void info(String message, Object... fields) {
    write("INFO", message, fields);
  }

  public static void warn(String message, Object... fields) {
    write("WARN", message, fields);
  }

  public static void error(String message, Object... fields) {
    write("ERROR", message, fields);
  }

  /** Renders one log line without writing it. */
  public static String format(String level, String message, Object... fields) {
    StringWriter line = new StringWriter(128);
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Instant.now().toString());
      json.writeStringField("level", level);
      json.writeStringField("logger", "malar-agent");
      json.writeStringField("message", message);
      for (int i = 0; i + 1 < fields.length; i += 2) {
        json.writeFieldName(String.valueOf(fields[i]));
        writeValue(json, fields[i + 1]);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot render a log line", e);
    }
    return line.toString();
  }

  private static void write(String level, String message, Object[] fields) {
    String line = format(level, message, fields);
    PrintStream target = out;
    synchronized (target) {
      target.println(line);
    }
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof Integer || value instanceof Long) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      json.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof Collection) {
      json.writeStartArray();
      for (Object element : (Collection<?>) value) {
        writeValue(json, element);
      }
      json.writeEndArray();
    } else {
      json.writeString(String.valueOf(value));
    }
  }
}
