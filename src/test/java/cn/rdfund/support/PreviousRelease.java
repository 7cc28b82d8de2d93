package cn.rdfund.support;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A model as the previous release deployed it, for the tests of migrating running instances: the previous copies of
 * some files (src/test/resources/migration/) and the current forms of the model's folder for the rest, deployed
 * together as Camunda deploys a folder, so that the previous model finds its forms in its own deployment.
 */
public final class PreviousRelease {

    private PreviousRelease() {
    }

    /**
     * Deploys {@code previousCopies} (the deployed file's name → its previous copy on the class path) with the other
     * forms of {@code modelFolder} (e.g. {@code bpmn/claim}).
     */
    public static Deployment deploy(RepositoryService repositoryService, String name, String modelFolder,
            Map<String, String> previousCopies) throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment().name(name);
        for (Map.Entry<String, String> copy : previousCopies.entrySet()) {
            deployment.addInputStream(copy.getKey(), new ClassPathResource(copy.getValue()).getInputStream());
        }
        for (Resource form : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + modelFolder + "/*.form")) {
            if (!previousCopies.containsKey(form.getFilename())) {
                deployment.addInputStream(form.getFilename(), form.getInputStream());
            }
        }
        return deployment.deploy();
    }
}
