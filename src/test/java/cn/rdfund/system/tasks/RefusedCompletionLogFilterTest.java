package cn.rdfund.system.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

class RefusedCompletionLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger engineContext = context.getLogger("org.camunda.bpm.engine.context");
    private final RefusedCompletionLogFilter filter = new RefusedCompletionLogFilter();

    private static Object[] args(Throwable thrown) {
        return new Object[] {"ENGINE-16004", thrown};
    }

    @Test
    void dropsTheEnginesErrorForARefusedCompletion() {
        ProcessEngineException wrapped = new ProcessEngineException("listener failed",
                new FormFieldValidationException("rdfund", "任务书至少需要2个里程碑"));

        assertThat(filter.decide(null, engineContext, Level.ERROR, "{} {}", args(wrapped), null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, engineContext, Level.ERROR, "{}", null, wrapped)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void dropsTheEnginesErrorForAClaimRefusedByFourEyes() {
        ProcessEngineException wrapped = new ProcessEngineException("listener failed",
                new FourEyesRefusal("您已办理本案「形式审查」，「审批」须由另一位同事办理（四眼原则）"));

        assertThat(filter.decide(null, engineContext, Level.ERROR, "{} {}", args(wrapped), null)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsEveryOtherError() {
        ProcessEngineException failure = new ProcessEngineException("database down", new IllegalStateException("x"));

        assertThat(filter.decide(null, engineContext, Level.ERROR, "{} {}", args(failure), null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("cn.rdfund"), Level.ERROR, "{} {}",
                args(new FormFieldValidationException("rdfund", "x")), null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, engineContext, Level.WARN, "{}", null, null)).isEqualTo(FilterReply.NEUTRAL);
    }
}
