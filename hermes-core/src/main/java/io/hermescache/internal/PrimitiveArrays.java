package io.hermescache.internal;

/** How arrays of each primitive type are written into a key: the component type, the length, every element. */
final class PrimitiveArrays {

  private PrimitiveArrays() {}

  /** The writer of arrays of class {@code type}, whose component type is primitive. */
  static KeyEncoder.Writer writer(Class<?> type) {
    Class<?> component = type.getComponentType();
    String name = component.getName();
    return (value, out) -> {
      out.tag('a');
      out.text(name);
      if (component == int.class) {
        int[] items = (int[]) value;
        out.int32(items.length);
        for (int item : items) {
          out.int32(item);
        }
      } else if (component == long.class) {
        long[] items = (long[]) value;
        out.int32(items.length);
        for (long item : items) {
          out.int64(item);
        }
      } else if (component == byte.class) {
        out.block((byte[]) value);
      } else if (component == char.class) {
        out.text(new String((char[]) value));
      } else if (component == short.class) {
        short[] items = (short[]) value;
        out.int32(items.length);
        for (short item : items) {
          out.int32(item);
        }
      } else if (component == boolean.class) {
        boolean[] items = (boolean[]) value;
        out.int32(items.length);
        for (boolean item : items) {
          out.int32(item ? 1 : 0);
        }
      } else if (component == float.class) {
        float[] items = (float[]) value;
        out.int32(items.length);
        for (float item : items) {
          out.int32(Float.floatToIntBits(item));
        }
      } else {
        double[] items = (double[]) value;
        out.int32(items.length);
        for (double item : items) {
          out.int64(Double.doubleToLongBits(item));
        }
      }
    };
  }
}
