package cn.rdfund.system.tasks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A refused task completion (or a claim refused by {@link FourEyes}) is an answer to the user, not a fault: Camunda
 * still logs it at ERROR (ENGINE-16004, with a long stack trace) when it closes the command context. This filter
 * drops exactly those events; every other engine error is logged as before.
 */
@Component
class RefusedCompletionLogFilter extends TurboFilter {

    private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @EventListener(ApplicationReadyEvent.class)
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && !context.getTurboFilterList().contains(this)) {
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        return isRefusal(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    static boolean isRefusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FormFieldValidationException || cause instanceof FourEyesRefusal) {
                return true;
            }
        }
        return false;
    }
}
