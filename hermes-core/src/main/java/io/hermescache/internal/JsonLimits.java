package io.hermescache.internal;

/**
 * A linear scan that refuses a JSON document before a parser or binder sees it if it nests deeper than
 * {@link #MAX_DEPTH} or holds a number of more than {@link #MAX_NUMBER_LENGTH} characters or with an exponent
 * beyond {@link #MAX_EXPONENT}. Binders recurse once per level (JSON nested 1,000 deep overflows a thread's
 * stack) and turn numbers into {@code BigInteger}/{@code BigDecimal} in time that grows with the square of
 * their length (200,000 digits: about a second), so a planted payload must be stopped before either.
 * It checks only those bounds; whether the document is well-formed is the parser's business.
 */
final class JsonLimits {

  /** JSON nesting levels; a record holding a list of records is three. */
  static final int MAX_DEPTH = 64;
  /** Characters in one number: more than any {@code long} or {@code double} needs, as Parsson's own default. */
  static final int MAX_NUMBER_LENGTH = 1100;
  /** Largest exponent magnitude: {@code 1e9999} is still cheap to convert, {@code 1e999999999} is refused. */
  static final int MAX_EXPONENT = 9999;

  private JsonLimits() {}

  /** Throws {@link IllegalArgumentException} naming the bound {@code json} exceeds. */
  static void check(byte[] json) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    int numberLength = 0;
    boolean inExponent = false;
    long exponent = 0;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
        continue;
      }
      boolean digit = b >= '0' && b <= '9';
      if (digit || b == '-' || b == '+' || b == '.' || ((b == 'e' || b == 'E') && numberLength > 0)) {
        if (++numberLength > MAX_NUMBER_LENGTH) {
          throw new IllegalArgumentException("a number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        if (b == 'e' || b == 'E') {
          inExponent = true;
          exponent = 0;
        } else if (inExponent && digit) {
          exponent = exponent * 10 + (b - '0');
          if (exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("a number with an exponent beyond " + MAX_EXPONENT);
          }
        }
        continue;
      }
      numberLength = 0;
      inExponent = false;
      if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        if (++depth > MAX_DEPTH) {
          throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
  }
}
