package io.malar.agent.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of a Redis command's text over generated commands whose arguments, and at times
 * whose name bytes after the command word, carry a marker: the marker never appears, nothing
 * throws, and the text is the command word and at most {@value RedisCommandText#MAX_PLACEHOLDERS}
 * placeholders. The seed is fixed so a failure repeats.
 */
class RedisCommandTextPropertiesTest {
  private static final String MARKER = "qzxv";
  private static final long SEED = 20261130L;
  private static final List<String> COMMANDS = List.of("GET", "SET", "HSET", "EVAL", "JSON.SET", "FT.SEARCH", "CLIENT", "acl");
  private static final String SEPARATORS = " \t\r\n\u0000\"'*$\u00e9";

  @Test
  void noArgumentAndNothingAfterTheCommandWordSurvives() {
    Random random = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      String command = COMMANDS.get(random.nextInt(COMMANDS.size()));
      byte[] raw = rawName(random, command);
      int argumentCount = argumentCount(random);

      String name = RedisCommandText.name(raw);
      String text = RedisCommandText.query(name, argumentCount);

      String sent = new String(raw, StandardCharsets.ISO_8859_1);
      assertThat(text).as("try %d: name %s with %d arguments", i, sent, argumentCount).doesNotContain(MARKER);
      assertThat(name).as(sent).isEqualTo(command);
      assertThat(text).as(sent).matches("\\Q" + name + "\\E( \\?){0,64}( \\.\\.\\.)?");
    }
  }

  @Test
  void anyBytesAndAnyCountGiveAText() {
    Random random = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      byte[] raw = new byte[random.nextInt(80)];
      random.nextBytes(raw);
      String name = RedisCommandText.name(raw);
      assertThat(name.length()).isBetween(1, RedisCommandText.MAX_NAME_LENGTH);
      assertThat(RedisCommandText.query(name, argumentCount(random))).startsWith(name);
    }
    assertThat(RedisCommandText.name("SET key value".getBytes(StandardCharsets.US_ASCII))).isEqualTo("SET");
    assertThat(RedisCommandText.name(new byte[] {' ', 'G'})).isEqualTo("UNKNOWN");
    assertThat(RedisCommandText.name(null)).isEqualTo("UNKNOWN");
    assertThat(RedisCommandText.query(null, -1)).isEqualTo("UNKNOWN");
    assertThat(RedisCommandText.query("GET", Integer.MIN_VALUE)).isEqualTo("GET");
  }

  /** The command word, at times followed by a separator and the marker, as a whole line sent as a name. */
  private static byte[] rawName(Random random, String command) {
    if (random.nextBoolean()) {
      return command.getBytes(StandardCharsets.US_ASCII);
    }
    char separator = SEPARATORS.charAt(random.nextInt(SEPARATORS.length()));
    return (command + separator + MARKER + " v").getBytes(StandardCharsets.UTF_8);
  }

  private static int argumentCount(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return random.nextInt();
      case 1:
        return random.nextInt(3) - 1;
      default:
        return random.nextInt(200);
    }
  }
}
