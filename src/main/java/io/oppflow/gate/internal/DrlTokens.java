package io.oppflow.gate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of a DRL condition or consequence: enough of Java's and MVEL's lexical rules to tell every
 * name, literal and operator apart, so that {@link RuleExpressions} sees each name a rule uses. Comments are
 * dropped; Unicode escapes are refused outright, because javac decodes them before it reads a string.
 */
public final class DrlTokens {

  enum Kind { NAME, STRING, NUMBER, OP, END }

  record Token(Kind kind, String text) {

    boolean is(String op) {
      return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }
  }

  private static final Pattern NUMBER = Pattern.compile("\\d[\\d_]*(\\.\\d+)?([eE][+-]?\\d+)?[BbIiLlDdFf]?");
  private static final String[] OPERATORS = {"!.", "==", "!=", "<=", ">=", "&&", "||", ":="};

  private DrlTokens() {}

  static List<Token> of(String source) {
    if (source.contains("\\u")) {
      throw new RuleRefusal("unicode-escape", "规则中不允许使用 Unicode 转义（\\u）", "Unicode escapes (\\u) are not allowed in a rule");
    }
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (source.startsWith("//", i)) {
        // javac ends a line comment at \r as well as \n; so must we, or code after a \r would hide here
        int end = i;
        while (end < source.length() && source.charAt(end) != '\n' && source.charAt(end) != '\r') {
          end++;
        }
        i = end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        if (end < 0) {
          throw new RuleRefusal("comment", "注释未结束", "a comment is not closed");
        }
        i = end + 2;
      } else if (c == '"' || c == '\'') {
        i = string(source, i, tokens);
      } else if (Character.isDigit(c)) {
        Matcher m = NUMBER.matcher(source).region(i, source.length());
        m.lookingAt();
        tokens.add(new Token(Kind.NUMBER, m.group()));
        i = m.end();
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i + 1;
        while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
          end++;
        }
        tokens.add(new Token(Kind.NAME, source.substring(i, end)));
        i = end;
      } else {
        i = operator(source, i, tokens);
      }
    }
    tokens.add(new Token(Kind.END, ""));
    return tokens;
  }

  private static int string(String source, int start, List<Token> tokens) {
    char quote = source.charAt(start);
    StringBuilder text = new StringBuilder();
    int i = start + 1;
    while (i < source.length() && source.charAt(i) != quote) {
      char c = source.charAt(i);
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c == '\\' && i + 1 < source.length()) {
        text.append(c);
        i++;
        c = source.charAt(i);
      }
      text.append(c);
      i++;
    }
    if (i >= source.length() || source.charAt(i) != quote) {
      throw new RuleRefusal("string", "字符串未结束", "a string is not closed");
    }
    tokens.add(new Token(Kind.STRING, text.toString()));
    return i + 1;
  }

  private static int operator(String source, int i, List<Token> tokens) {
    for (String op : OPERATORS) {
      if (source.startsWith(op, i)) {
        tokens.add(new Token(Kind.OP, op));
        return i + op.length();
      }
    }
    tokens.add(new Token(Kind.OP, String.valueOf(source.charAt(i))));
    return i + 1;
  }
}
