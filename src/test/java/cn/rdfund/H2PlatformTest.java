package cn.rdfund;

import cn.rdfund.support.RdfundIntegrationTest;
import java.util.List;

@RdfundIntegrationTest
class H2PlatformTest extends PlatformContract {

    @Override
    List<String> expectedMigrations() {
        return List.of("1", "3", "4", "5", "6", "7", "8", "9", "10", "20", "21", "22", "23", "24", "25", "26", "27", "28", "30", "31", "32", "33", "34", "35", "36");
    }

    @Override
    String expectedCamundaDatabaseType() {
        return "h2";
    }
}
