package cn.rdfund.call;

import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Calls for applications, for every logged-in user: applicants' portals list what they may apply to. */
@RestController
@RequestMapping("/api/calls")
class CallResource {

    private final FundingCallRepository calls;
    private final CallMapper mapper;

    CallResource(FundingCallRepository calls, CallMapper mapper) {
        this.calls = calls;
        this.mapper = mapper;
    }

    /** All calls, newest first; {@code status=PUBLISHED} for those accepting applications. */
    @GetMapping
    List<CallDto> list(@RequestParam(required = false) String status) {
        return calls.findAll().stream()
                .filter(call -> status == null || status.equals(call.status()))
                .sorted(Comparator.comparing(FundingCall::opensAt).reversed())
                .map(mapper::toDto)
                .toList();
    }

    @GetMapping("/{id}")
    CallDto get(@PathVariable long id) {
        return calls.findById(id).map(mapper::toDto)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "指南不存在: " + id));
    }
}
