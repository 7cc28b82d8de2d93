package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.AttackMatrix;
import cn.rdfund.support.AttackMatrix.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Both doors to the engine API reach one decision: {@link EngineApiGuard} classifies the path relative to the engine,
 * and for every operation of Camunda's document that path is the same whether the request came through /engine-rest
 * (with or without an engine name) or through the webapps' /camunda/api/engine; the family it falls in lets exactly
 * the roles through that the file gives it, read here independently of the application ({@link AttackMatrix}). This
 * is why the attack matrix tries a sample of every family over HTTP at both doors, as every role, not every operation.
 */
class EnginePathsTest {

    private final AllowList allowList = AllowList.load();

    @Test
    void everyOperationNamesTheSameEnginePathAndFamilyThroughBothDoors() {
        List<String> differing = new ArrayList<>();
        for (Operation operation : AttackMatrix.engineOperations()) {
            String path = AttackMatrix.concrete(operation.path());
            boolean listEngines = path.equals("/engine");
            Optional<String> rest = EnginePaths.enginePath(listEngines ? "/engine-rest/engine"
                    : "/engine-rest/engine/attack-matrix" + path);
            Optional<String> restDefault = EnginePaths.enginePath("/engine-rest" + (listEngines ? "/engine" : path));
            Optional<String> webapp = EnginePaths.enginePath(listEngines ? "/camunda/api/engine/engine/"
                    : "/camunda/api/engine/engine/default" + path);
            boolean bothEngineApi = EnginePaths.isEngineApi("/engine-rest" + path)
                    && EnginePaths.isEngineApi("/camunda/api/engine/engine/default" + path);
            if (!rest.equals(Optional.of(path)) || !restDefault.equals(rest) || !webapp.equals(rest) || !bothEngineApi
                    || !family(operation, rest).equals(family(operation, webapp))) {
                differing.add(operation + ": " + rest + " / " + restDefault + " / " + webapp);
            }
        }
        assertThat(differing).as("operations whose doors name different engine paths").isEmpty();
    }

    @Test
    void everyOperationLetsThroughExactlyTheRolesTheFileGivesIt() {
        AttackMatrix file = new AttackMatrix(0);
        List<String> wrong = new ArrayList<>();
        for (Operation operation : AttackMatrix.engineOperations()) {
            String path = EnginePaths.enginePath("/engine-rest" + AttackMatrix.concrete(operation.path())).orElseThrow();
            Set<String> given = file.rolesFor(operation);
            for (String role : AttackMatrix.USERS.keySet()) {
                boolean allowed = allowList.classify(operation.method(), path)
                        .map(classified -> classified.family().allows(Set.of(Role.ofKey(role))))
                        .orElse(false);
                if (allowed != given.contains(role)) {
                    wrong.add(role + " " + operation + (allowed ? " let through" : " refused"));
                }
            }
        }
        assertThat(wrong).as("decisions that differ from security/allow-list.yaml").isEmpty();
    }

    private Optional<String> family(Operation operation, Optional<String> enginePath) {
        return enginePath.flatMap(path -> allowList.classify(operation.method(), path))
                .map(classified -> classified.family().id());
    }
}
