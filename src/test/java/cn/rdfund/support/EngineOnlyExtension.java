package cn.rdfund.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * camunda-bpm-junit5's extension with the process coverage, on the engine of src/test/resources/engine-only.cfg.xml.
 * {@link ProcessEngineCoverageExtension} is final and takes another configuration file only through its builder, so
 * this class, which {@link EngineOnlyTest} can name in {@code @ExtendWith}, builds one per test class and passes every
 * callback on to it.
 */
public class EngineOnlyExtension implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
        BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {

    static final String CONFIGURATION = "engine-only.cfg.xml";

    private final ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(CONFIGURATION).build();

    @Override
    public void beforeAll(ExtensionContext context) {
        engine.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engine.afterAll(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        engine.postProcessTestInstance(testInstance, context);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        engine.beforeTestExecution(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        engine.afterTestExecution(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return engine.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return engine.resolveParameter(parameter, context);
    }
}
