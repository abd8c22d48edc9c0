package io.hermescache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the guide's pages (src/site/markdown) and of README.md occurs, verbatim up to
 * indentation, in the snippet sources of this module, which the build compiles: a page cannot show Java that
 * does not compile, nor drift from code that does.
 */
class SiteSnippetsTest {

  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path ROOT = MODULE.resolve("..").normalize();

  @Test
  void everyJavaBlockOfEveryPageIsInTheCompiledSnippets() throws IOException {
    List<List<String>> sources = sources();
    List<String> missing = new ArrayList<>();
    int blocks = 0;
    for (Path page : pages()) {
      for (JavaBlocks.Block block : JavaBlocks.of(Files.readAllLines(page))) {
        blocks++;
        if (sources.stream().noneMatch(source -> JavaBlocks.occursIn(block, source))) {
          missing.add(ROOT.relativize(page) + ":" + block.line() + ": " + block.firstLine());
        }
      }
    }

    assertThat(missing).as("Java blocks of the pages that are not in docs-snippets/src/test or an example (page:line: first line)")
        .isEmpty();
    assertThat(blocks).as("Java blocks found").isGreaterThan(30);
  }

  @Test
  void aBlockIsFoundOnlyAsConsecutiveLinesAndNamedByItsFirstLine() {
    List<String> page = List.of("Text", "```xml", "<a/>", "```", "```java", "",
        "  hermes.clean(\"math\");", "hermes.clean();", "```");
    List<String> source = List.of("class A {", "  void clean() {", "    hermes.clean(\"math\");",
        "    hermes.clean();", "  }", "}");

    List<JavaBlocks.Block> blocks = JavaBlocks.of(page);

    assertThat(blocks).hasSize(1);
    assertThat(blocks.get(0).line()).isEqualTo(5);
    assertThat(blocks.get(0).firstLine()).isEqualTo("hermes.clean(\"math\");");
    assertThat(JavaBlocks.occursIn(new JavaBlocks.Block(5, List.of("hermes.clean(\"math\");", "hermes.clean();")),
        source)).isTrue();
    assertThat(JavaBlocks.occursIn(blocks.get(0), source)).as("the blank first line is not in the source").isFalse();
    assertThat(JavaBlocks.occursIn(new JavaBlocks.Block(1, List.of("hermes.clean(\"math\");", "}")), source))
        .isFalse();
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> markdown = Files.list(ROOT.resolve("src/site/markdown"))) {
      markdown.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /**
   * The snippet sources: the packages under io.hermescache.docs (not this check), Java 21 ones included
   * (compiled on JDK 21 and newer only), and the examples' own sources, which the build compiles too (the
   * Helidon example on JDK 21 and newer only), so that a page showing an example's class needs no copy.
   */
  private static List<List<String>> sources() throws IOException {
    List<List<String>> sources = new ArrayList<>();
    Path check = MODULE.resolve("src/test/java/io/hermescache/docs");
    List<Path> roots = new ArrayList<>(List.of(MODULE.resolve("src/test/java"), MODULE.resolve("src/test/java21")));
    try (Stream<Path> examples = Files.list(ROOT.resolve("examples"))) {
      examples.filter(Files::isDirectory).sorted().forEach(example -> {
        roots.add(example.resolve("src/main/java"));
        roots.add(example.resolve("src/test/java"));
      });
    }
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(path -> path.toString().endsWith(".java") && !path.getParent().equals(check))
            .forEach(path -> sources.add(lines(path)));
      }
    }
    return sources;
  }

  private static List<String> lines(Path path) {
    try {
      return Files.readAllLines(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
