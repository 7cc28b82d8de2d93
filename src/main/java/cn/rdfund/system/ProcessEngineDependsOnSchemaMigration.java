package cn.rdfund.system;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Builds the process engine only after Flyway has migrated the domain schema: otherwise Camunda's
 * tables appear first and Flyway refuses a non-empty schema without history. Registered in
 * META-INF/spring.factories.
 */
public class ProcessEngineDependsOnSchemaMigration implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        return Set.of(beanFactory.getBeanNamesForType(ProcessEngine.class, true, false));
    }
}
