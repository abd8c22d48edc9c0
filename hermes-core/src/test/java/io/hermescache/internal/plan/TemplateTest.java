package io.hermescache.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermescache.HermesCached;
import io.hermescache.HermesConfigurationException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTest {

  public record Address(String city) {}

  public static class Customer {
    public final String code = "C7";
    private final Address address;
    private final boolean vip;

    public Customer(Address address, boolean vip) {
      this.address = address;
      this.vip = vip;
    }

    public Address getAddress() {
      return address;
    }

    public boolean isVip() {
      return vip;
    }
  }

  public static class Shop {
    public String order(long id, Customer customer, String note) {
      return "";
    }
  }

  private static Template compile(String source) throws NoSuchMethodException {
    Method method = Shop.class.getMethod("order", long.class, Customer.class, String.class);
    return Template.compile(source, method, method.getGenericParameterTypes());
  }

  private static final Object[] CALL = {42L, new Customer(new Address("Oslo"), true), null};

  @Test
  void rendersParametersByNameAndIndexAndLiteralText() throws Exception {
    assertThat(compile("order:{id}:{0}").render(CALL)).isEqualTo("order:42:42");
    assertThat(compile("plain").render(CALL)).isEqualTo("plain");
    assertThat(compile("plain").isConstant()).isTrue();
  }

  @Test
  void readsGettersIsGettersRecordComponentsAndPublicFields() throws Exception {
    assertThat(compile("{customer.address.city}/{customer.vip}/{customer.code}").render(CALL)).isEqualTo("Oslo/true/C7");
  }

  @Test
  void aNullAlongThePathRendersAsNull() throws Exception {
    Object[] call = {1L, new Customer(null, false), null};

    assertThat(compile("{customer.address.city}:{note}").render(call)).isEqualTo("null:null");
  }

  @Test
  void unknownNamesPropertiesAndBadBracesAreRejected() {
    assertThatThrownBy(() -> compile("{customer.address.street}")).hasMessage("template \"{customer.address.street}\""
        + " reads \"street\" of " + Address.class.getName() + " in {customer.address.street}, which has no such"
        + " property (record component, getter get/isStreet(), accessor or public field)");
    assertThatThrownBy(() -> compile("{client}")).hasMessageContaining("refers to parameter \"client\", which the"
        + " method does not have (parameters: id, customer, note)");
    assertThatThrownBy(() -> compile("{3}")).hasMessageContaining("the method has 3 parameters");
    assertThatThrownBy(() -> compile("a:{id")).hasMessageContaining("'{' without a matching '}'");
    assertThatThrownBy(() -> compile("a:id}")).hasMessageContaining("'}' without a matching '{'");
    assertThatThrownBy(() -> compile("a:{}")).hasMessageContaining("empty reference");
  }

  @Test
  void aNameTemplateOnAClassCompiledWithoutParametersSaysSoAndSuggestsAnIndex(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("Legacy.java");
    Files.writeString(source, "public class Legacy {\n"
        + "  @io.hermescache.HermesCached(key = \"legacy:{id}\")\n"
        + "  public String find(long id) { return \"\"; }\n"
        + "}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    // deliberately no -parameters
    int status = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", dir.toString(),
        source.toString());
    assertThat(status).isZero();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> legacy = loader.loadClass("Legacy");
      Method find = legacy.getMethod("find", long.class);

      assertThatThrownBy(() -> CachedMethodPlan.of(legacy, find, find.getAnnotation(HermesCached.class),
          Instances.constructors())).isInstanceOf(HermesConfigurationException.class).hasMessage(
              "@HermesCached on Legacy.find(long): key: template \"legacy:{id}\" refers to parameter \"id\" by name,"
              + " but Legacy was compiled without -parameters, so parameter names are not known; compile with"
              + " -parameters (maven-compiler-plugin <parameters>true</parameters>) or refer to the parameter by"
              + " index, e.g. {0}");
    }
  }

  abstract static class Repository<T> {
    @HermesCached(tags = "entity:{entity.id}")
    public List<T> similar(T entity) {
      return List.of();
    }
  }

  public record Item(long id) {}

  static class Items extends Repository<Item> {}

  @Test
  void typesOfAGenericSuperclassAreResolvedForTemplatesAndReturnTypes() throws Exception {
    Method similar = Repository.class.getMethod("similar", Object.class);

    CachedMethodPlan plan = CachedMethodPlan.of(Items.class, similar, similar.getAnnotation(HermesCached.class),
        Instances.constructors());

    assertThat(plan.valueType().getTypeName()).isEqualTo("java.util.List<" + Item.class.getName() + ">");
    assertThat(plan.tags(new Object[] {new Item(9)})).containsExactly("entity:9");
    assertThat(plan.name()).isEqualTo(Items.class.getName() + ".similar");
    assertThat(plan.key(new Object[] {new Item(9)})).startsWith(Items.class.getName() + ":similar:");
  }
}
