package org.paymenter.ext.http.server;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** The one ObjectMapper of the HTTP bundle: unknown request fields are ignored, as DESIGN.md says. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            // Config numbers are BigDecimals: 8006, not 8.006E+3.
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(isoDates())
            .build();

    /**
     * {@code LocalDate} as ISO text ("2027-12-31"): the one java.time type of the contract (a billing
     * agreement's expiry). Two lines here rather than shipping jackson-datatype-jsr310 as another system
     * bundle for it.
     */
    private static SimpleModule isoDates() {
        return new SimpleModule("iso-dates").addSerializer(LocalDate.class, ToStringSerializer.instance)
                .addDeserializer(LocalDate.class, new StdScalarDeserializer<LocalDate>(LocalDate.class) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        String text = parser.getValueAsString();
                        try {
                            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
                        } catch (DateTimeParseException e) {
                            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                                    "not an ISO date like 2027-12-31");
                        }
                    }
                });
    }

    private Json() {
    }
}
