package cn.rdfund.system.tasks;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A user may not take a task because they did an earlier step of the same case that it checks ({@link FourEyes}).
 * An authorization failure, so Camunda's REST API answers 403 with the message when the task is claimed or
 * assigned.
 */
class FourEyesRefusal extends AuthorizationException {

    FourEyesRefusal(String message) {
        super(message);
    }
}
