package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Each model has one owning package, its process module: every Spring bean the model names (delegate expressions,
 * listeners, expressions in conditions, timers, due dates and call-activity mappings) is defined there, or in
 * {@code system}, the engine's edge shared by all models (task deadlines, task labels). The owning package uses other
 * modules through their services, never through their delegates. Without booting the application: the beans are
 * found by scanning the components and their {@code @Bean} methods, named as Spring names them.
 */
class ProcessModulesTest {

    /** Model → owning package (docs/architecture.md shows the same table). */
    static final Map<String, String> OWNERS = Map.of(
            "bpmn/call/FundingCall.bpmn", "selection",
            "bpmn/application/FundingApplication.bpmn", "application",
            "bpmn/review/ExpertReview.bpmn", "review",
            "bpmn/review/ExpertPanel.bpmn", "review",
            "bpmn/project/ProjectExecution.bpmn", "execution",
            "bpmn/disbursement/Disbursement.bpmn", "disbursement",
            "bpmn/challenge/Challenge.bpmn", "challenge",
            "bpmn/challenge/ChallengeMilestone.bpmn", "challenge",
            "bpmn/claim/PolicyClaim.bpmn", "claim");

    private static final String SHARED = "system";
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** An identifier not preceded by a dot: the root of a path such as bean.method(...) or a variable. */
    private static final Pattern ROOT = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");

    private static final Map<String, String> beanModules = new HashMap<>();
    private static final Map<String, Set<String>> beansOfModel = new TreeMap<>();

    @BeforeAll
    static void scan() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        for (BeanDefinition component : scanner.findCandidateComponents("cn.rdfund")) {
            Class<?> type = Class.forName(component.getBeanClassName());
            String module = moduleOf(type);
            beanModules.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(component, registry), module);
            for (Method method : type.getDeclaredMethods()) {
                Bean bean = method.getAnnotation(Bean.class);
                if (bean != null) {
                    String[] names = bean.name().length > 0 ? bean.name() : bean.value();
                    beanModules.put(names.length > 0 ? names[0] : method.getName(), module);
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                beansOfModel.put(file.toString().replace('\\', '/'), beansNamedIn(file));
            }
        }
    }

    @Test
    void everyModelHasAnOwningPackage() {
        assertThat(OWNERS.keySet()).as("a new model: add it to OWNERS and to docs/architecture.md")
                .containsExactlyInAnyOrderElementsOf(beansOfModel.keySet());
    }

    @Test
    void theBeansAModelNamesLiveInItsOwningPackage() {
        List<String> strays = new ArrayList<>();
        beansOfModel.forEach((model, beans) -> beans.forEach(bean -> {
            String module = beanModules.get(bean);
            if (!module.equals(OWNERS.get(model)) && !module.equals(SHARED)) {
                strays.add(model + " uses " + bean + " of " + module);
            }
        }));
        assertThat(strays).as("beans outside the model's owning package " + OWNERS).isEmpty();
    }

    @Test
    void theScanFindsTheModelsBeans() {
        assertThat(beansOfModel.get("bpmn/project/ProjectExecution.bpmn")).contains("signAgreement", "projectTimes",
                "labelTaskWithProject", "planInstalments");
        assertThat(beanModules).containsEntry("labelTaskWithProject", SHARED).containsEntry("publishCall", "selection");
    }

    /** The roots of every expression in the model that are bean names (the others are process variables). */
    private static Set<String> beansNamedIn(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Set<String> beans = new TreeSet<>();
        collect(factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement(), beans);
        return beans;
    }

    private static void collect(Node node, Set<String> beans) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            addRoots(node.getNodeValue(), beans);
        }
        if (node instanceof Element element) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                addRoots(((Attr) attributes.item(i)).getValue(), beans);
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, beans);
        }
    }

    private static void addRoots(String text, Set<String> beans) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher root = ROOT.matcher(QUOTED.matcher(expression.group(1)).replaceAll("''"));
            while (root.find()) {
                if (beanModules.containsKey(root.group(1))) {
                    beans.add(root.group(1));
                }
            }
        }
    }

    private static String moduleOf(Class<?> type) {
        String name = type.getPackageName().equals("cn.rdfund") ? "" : type.getPackageName().substring(10);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
