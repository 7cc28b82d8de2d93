package cn.rdfund.support;

import java.util.function.BiFunction;

/**
 * How a client reaches RDFund: one node, or several behind a load balancer, where a node may be down or lose its
 * answer (killed after its commit, or before).
 */
@FunctionalInterface
public interface Nodes {

    /**
     * Sends the request to a node. Where that node is down or its answer is lost, the request is sent again (to
     * another node if there is one), with {@code retry} true: it must then find out first whether its first attempt
     * took effect.
     */
    <T> T request(BiFunction<TasklistClient, Boolean, T> request);

    /** One node: a request is sent once; a lost answer is the caller's failure. */
    static Nodes one(TasklistClient tasklist) {
        return new Nodes() {
            @Override
            public <T> T request(BiFunction<TasklistClient, Boolean, T> request) {
                return request.apply(tasklist, false);
            }
        };
    }
}
