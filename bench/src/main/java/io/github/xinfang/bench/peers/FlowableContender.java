package io.github.xinfang.bench.peers;

import io.github.xinfang.bench.peers.PeerPath.CaseRecord;
import io.github.xinfang.bench.peers.PeerPath.Command;
import io.github.xinfang.bench.peers.PeerPath.Stage;
import io.github.xinfang.bench.peers.PeerPath.Trigger;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.task.api.Task;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.delegate.TaskListener;
import org.flowable.variable.api.delegate.VariableScope;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Flowable 7 as a portal runs it: a BPMN model of the path ({@link #BPMN}: one user task per step, an exclusive
 * gateway after the review of a proposal, back to the proposal or on to the reply), history level {@code audit}, no
 * async executor, its tables in the given database. Registration starts a process instance (business key: the case
 * id); every other command finds the case's open task by a task query, checks that the task takes the command and
 * completes it. The two guards run in a task listener on completion (an execution listener on the start), which also
 * keeps the case's stage, latest fact date and sequence as process variables and emits the event; a guard saying no
 * throws, and Flowable rolls the command's transaction back.
 */
public final class FlowableContender extends Contender implements AutoCloseable {
    /** The user task each trigger completes (the decision task takes both return and approval). */
    private static final Map<Trigger, String> TASK = Map.of(Trigger.ROUTE, "route", Trigger.ACCEPT, "accept",
            Trigger.PROPOSE, "propose", Trigger.RETURN, "decide", Trigger.APPROVE, "decide", Trigger.SERVE_REPLY, "serve",
            Trigger.REQUEST_REVIEW, "awaitReview", Trigger.CONCLUDE_REVIEW, "review");

    private static final String LISTENERS = "<extensionElements><flowable:taskListener event=\"complete\""
            + " delegateExpression=\"${guards}\"/></extensionElements>";

    /** The path as BPMN 2.0. */
    static final String BPMN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:flowable=\"http://flowable.org/bpmn\" targetNamespace=\"http://xinfang.github.io/bench\">"
            + "<process id=\"petition\" name=\"信访事项\" isExecutable=\"true\">"
            + "<extensionElements><flowable:executionListener event=\"start\" delegateExpression=\"${registered}\"/></extensionElements>"
            + "<startEvent id=\"register\"/>"
            + task("route") + task("accept") + task("propose") + task("decide")
            + "<exclusiveGateway id=\"approved\"/>"
            + task("serve") + task("awaitReview") + task("review")
            + "<endEvent id=\"end\"/>"
            + flow("register", "route") + flow("route", "accept") + flow("accept", "propose") + flow("propose", "decide")
            + flow("decide", "approved")
            + "<sequenceFlow id=\"rework\" sourceRef=\"approved\" targetRef=\"propose\">"
            + "<conditionExpression xsi:type=\"tFormalExpression\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "${!approved}</conditionExpression></sequenceFlow>"
            + "<sequenceFlow id=\"onward\" sourceRef=\"approved\" targetRef=\"serve\">"
            + "<conditionExpression xsi:type=\"tFormalExpression\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "${approved}</conditionExpression></sequenceFlow>"
            + flow("serve", "awaitReview") + flow("awaitReview", "review") + flow("review", "end")
            + "</process></definitions>";

    private static String task(String id) {
        return "<userTask id=\"" + id + "\">" + LISTENERS + "</userTask>";
    }

    private static String flow(String from, String to) {
        return "<sequenceFlow id=\"" + from + "-" + to + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
    }

    /** A guard said no: thrown in the listener, so that Flowable rolls the command back. */
    static final class GuardRefused extends FlowableException {
        private static final long serialVersionUID = 1L;

        GuardRefused() {
            super("a guard refused the command");
        }
    }

    private final ProcessEngine engine;

    /**
     * @param dataSource the database Flowable keeps its tables in (created if missing)
     */
    public FlowableContender(DataSource dataSource) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setDataSource(dataSource)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory("audit")
                .setAsyncExecutorActivate(false);
        Map<Object, Object> beans = new HashMap<>();
        beans.put("guards", (TaskListener) FlowableContender::step);
        beans.put("registered", (ExecutionListener) FlowableContender::registered);
        config.setBeans(beans);
        config.setDisableIdmEngine(true);
        config.setDisableEventRegistry(true);
        engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("petition")
                .addInputStream("petition.bpmn20.xml", new ByteArrayInputStream(BPMN.getBytes(StandardCharsets.UTF_8))).deploy();
    }

    @Override
    public void handle(Command c, Consumer<byte[]> events) {
        Map<String, Object> transients = Map.of("command", c, "events", events);
        try {
            if (c.trigger() == Trigger.REGISTER) {
                engine.getRuntimeService().createProcessInstanceBuilder().processDefinitionKey("petition")
                        .businessKey(c.caseId()).transientVariables(transients).start();
                return;
            }
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(c.caseId()).singleResult();
            if (task == null || !task.getTaskDefinitionKey().equals(TASK.get(c.trigger()))) {
                throw new PeerPath.Refused(c, CaseRecord.NEW);
            }
            Map<String, Object> variables = task.getTaskDefinitionKey().equals("decide")
                    ? Map.of("approved", c.trigger() == Trigger.APPROVE) : Map.of();
            engine.getTaskService().complete(task.getId(), variables, transients);
        } catch (GuardRefused refused) {
            throw new PeerPath.Refused(c, CaseRecord.NEW);
        }
    }

    /** The start of a case: registration's guard, its variables and its event. */
    private static void registered(DelegateExecution execution) {
        apply(execution, Stage.NEW);
    }

    /** A step's guards, variables and event, as its task completes. */
    private static void step(DelegateTask task) {
        apply(task, Stage.valueOf((String) task.getVariable("stage")));
    }

    private static void apply(VariableScope scope, Stage from) {
        Command c = (Command) scope.getTransientVariable("command");
        String last = (String) scope.getVariable("lastFact");
        Long sequence = (Long) scope.getVariable("sequence");
        CaseRecord kase = new CaseRecord(from, last == null ? null : LocalDate.parse(last), Set.of(PeerPath.ACCUSED),
                sequence == null ? 0 : sequence);
        Stage to = PeerPath.TABLE.get(from).get(c.trigger());
        if (to == null || !PeerPath.guards(kase, c)) throw new GuardRefused();
        CaseRecord after = kase.after(to, c.fact());
        scope.setVariable("stage", to.name());
        scope.setVariable("lastFact", c.fact().toString());
        scope.setVariable("sequence", after.sequence());
        @SuppressWarnings("unchecked")
        Consumer<byte[]> events = (Consumer<byte[]>) scope.getTransientVariable("events");
        events.accept(PeerPath.encode(from, after, c));
    }

    @Override
    public void close() {
        engine.close();
    }
}
