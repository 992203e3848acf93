import CPUExecution
import Workload

/// Hooks through which a data-parallel driver averages gradients across processes while
/// the `Trainer` runs its recipe.
///
/// The trainer calls them on its own thread, in this order for each optimizer step of a
/// network: `backwardWillStart` before every weight-gradient backward pass,
/// `gradientsReady` after each op of that pass has written its weight gradients (in
/// reverse op order), `synchronize` before the optimizer update, and `averageLosses`
/// once at the end of the iteration. Implementations report communication failures
/// themselves (the hooks cannot throw: a failed collective ends the job).
public protocol GradientSynchronizer: AnyObject {
    /// A backward pass of `network` computing weight gradients is about to run;
    /// `finishesGradients` is set on the pass that completes the step's gradients (the
    /// last micro-batch), whose gradients may be reduced as they become ready.
    func backwardWillStart(_ network: NetworkRole, parameters: ParameterBuffer, finishesGradients: Bool)

    /// Op `opID` of `network` has written its weight gradients for the current pass.
    func gradientsReady(_ network: NetworkRole, opID: Int)

    /// Called before the optimizer update of `network`: on return `parameters.gradients`
    /// holds the mean of every process's gradients.
    func synchronize(_ network: NetworkRole, parameters: ParameterBuffer)

    /// The iteration's losses `(D, G)` averaged over every process.
    func averageLosses(_ discriminator: Double, _ generator: Double) -> (Double, Double)
}
