package cn.rdfund.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.swagger.v3.oas.models.media.StringSchema;
import java.io.IOException;
import java.math.BigDecimal;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every decimal in RDFund's API answers (amounts in yuan, scores, percentages) is a JSON string with at least two
 * decimals — "7000000.00", "50000.00", "85.50" — never a JSON number, which a client may read into a floating-point
 * value and lose the fen; the OpenAPI document says so. Camunda's own REST API and process variables keep their
 * own mapper.
 */
@Configuration
class MoneyJson {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(BigDecimal.class, new StringSchema().format("decimal")
                .pattern("^-?\\d+\\.\\d{2,}$").example("7000000.00")
                .description("十进制数的字符串，至少两位小数（金额单位：元）"));
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer decimalsAsStrings() {
        return builder -> builder.serializerByType(BigDecimal.class, new DecimalAsString());
    }

    static final class DecimalAsString extends StdSerializer<BigDecimal> {

        DecimalAsString() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(text(value));
        }

        /** At least two decimals; more where the value has them (a rate), never in exponent notation. */
        static String text(BigDecimal value) {
            return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
        }
    }
}
