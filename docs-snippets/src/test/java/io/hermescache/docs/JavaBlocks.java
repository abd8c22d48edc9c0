package io.hermescache.docs;

import java.util.ArrayList;
import java.util.List;

/** The {@code ```java} blocks of a Markdown page, and where a block occurs in Java source text. */
final class JavaBlocks {

  /** One block: the page's line number of its opening fence, and its lines. */
  record Block(int line, List<String> lines) {

    String firstLine() {
      return lines.stream().filter(text -> !text.isBlank()).findFirst().orElse("").strip();
    }
  }

  private JavaBlocks() {}

  static List<Block> of(List<String> markdown) {
    List<Block> blocks = new ArrayList<>();
    List<String> current = null;
    int opened = 0;
    for (int i = 0; i < markdown.size(); i++) {
      String fence = markdown.get(i).strip();
      if (current == null && fence.startsWith("```")) {
        if (fence.equals("```java")) {
          current = new ArrayList<>();
          opened = i + 1;
        } else {
          i = closingFence(markdown, i);
        }
      } else if (current != null && fence.equals("```")) {
        blocks.add(new Block(opened, List.copyOf(current)));
        current = null;
      } else if (current != null) {
        current.add(markdown.get(i));
      }
    }
    if (current != null) {
      throw new IllegalArgumentException("the ```java block opened at line " + opened + " is never closed");
    }
    return blocks;
  }

  /** The line of the fence that closes a non-Java block opened at {@code open}; its text is no Java. */
  private static int closingFence(List<String> markdown, int open) {
    for (int i = open + 1; i < markdown.size(); i++) {
      if (markdown.get(i).strip().equals("```")) {
        return i;
      }
    }
    return markdown.size();
  }

  /**
   * Whether the block's lines occur as consecutive lines of {@code source}, each compared without its leading
   * and trailing spaces, so that a page may show a member or a statement at its own indentation.
   */
  static boolean occursIn(Block block, List<String> source) {
    List<String> wanted = stripped(block.lines());
    List<String> lines = stripped(source);
    for (int start = 0; start + wanted.size() <= lines.size(); start++) {
      if (lines.subList(start, start + wanted.size()).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> stripped(List<String> lines) {
    return lines.stream().map(String::strip).toList();
  }
}
