package cn.rdfund.selection;

import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.system.security.ProcessStarters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CallStarters {

    /** Key-technology calls (P1.1a/b) are the 市科技局's: only its program managers draft them. */
    @Bean
    ProcessStarters leadUnitStartsCalls() {
        return new ProcessStarters(LeadUnit.KJJ.groupId(), FundingCallProcess.KEY);
    }
}
