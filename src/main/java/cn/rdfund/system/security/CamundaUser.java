package cn.rdfund.system.security;

import java.security.Principal;
import java.util.List;

/** The authenticated principal: a Camunda user and the Camunda groups it belongs to. */
public record CamundaUser(String id, List<String> groupIds) implements Principal {

    @Override
    public String getName() {
        return id;
    }
}
