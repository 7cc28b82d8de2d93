package cn.rdfund.expert;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The review pool is not public (see SecurityConfiguration): applicants must not learn who may review them. */
@RestController
@RequestMapping("/api/experts")
class ExpertResource {

    private final ExpertRepository experts;
    private final ExpertMapper mapper;

    ExpertResource(ExpertRepository experts, ExpertMapper mapper) {
        this.experts = experts;
        this.mapper = mapper;
    }

    @GetMapping
    List<ExpertDto> list() {
        return experts.findAllByOrderByName().stream().map(mapper::toDto).toList();
    }
}
