package org.trustml.core.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes NaN and infinities as JSON {@code null}. JSON has no such numbers, and a quoted "NaN" would pass for a
 * string; an undefined metric travels as null next to the flag or reason that explains it.
 */
public final class FiniteNumbersModule extends SimpleModule {

  public FiniteNumbersModule() {
    super("trustml-finite-numbers");
    FiniteDoubleSerializer serializer = new FiniteDoubleSerializer();
    addSerializer(Double.class, serializer);
    addSerializer(double.class, serializer);
  }

  private static final class FiniteDoubleSerializer extends StdSerializer<Double> {

    FiniteDoubleSerializer() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializationContext ctxt) {
      if (value == null || !Double.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }
}
