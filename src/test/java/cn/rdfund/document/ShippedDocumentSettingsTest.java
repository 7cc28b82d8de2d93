package cn.rdfund.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.application.FundingApplicationProcess;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.StandardEnvironment;

/** What application.yaml ships: the 申报书 required on 填写申报书, within the kinds offered. */
class ShippedDocumentSettingsTest {

    @Test
    void theShippedConfigurationRequiresTheApplicationFormOnItsTask() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yaml",
                new ClassPathResource("application.yaml"))) {
            environment.getPropertySources().addLast(source);
        }
        DocumentSettings shipped = new Binder(ConfigurationPropertySources.get(environment))
                .bind("rdfund.documents", DocumentSettings.class).get();

        assertThat(shipped.requiredOn(FundingApplicationProcess.KEY, FundingApplicationProcess.TASK_FILL))
                .containsExactly("申报书");
        assertThat(shipped.requiredOn(FundingApplicationProcess.KEY, FundingApplicationProcess.TASK_CORRECT)).isEmpty();
        assertThat(shipped.kinds()).containsAll(List.of("申报书", "任务书（签章扫描件）", "支付凭证"));
        assertThat(shipped.caseQuota().toMegabytes()).isEqualTo(200);
    }
}
