/**
 * The commented starter needs file that "Create a needs file" writes: valid
 * format version 1, every field explained where it stands, and one example
 * need honestly marked as an assumption (it has no evidence yet).
 */

/** The text of a new `customer-needs.yaml`. */
export function starterNeedsFile(product?: string): string {
  const productLine =
    product !== undefined && /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/.test(product)
      ? `product: ${product}`
      : '# product: Acme Shop';
  return `# Customer needs, in the customers' own words, kept next to the code.
# Outside-In shows them beside the code they relate to and puts the ones a
# change touches on the review checklist. Format version 1; the full example
# is examples/shop/customer-needs.yaml in the Outside-In repository.

version: 1 # required: the format version of this file

# The product these needs belong to (optional); shown in the checklist.
${productLine}

# Who the customers are (optional): an id, then a name and a description.
# When personas are listed, a need's \`persona\` must name one of them.
personas:
  shopper:
    name: Returning shopper # optional: how the persona is shown
    description: Buys two or three times a month, mostly on a phone. # optional

# Standing promises (optional): asked on every change, whatever it touches.
# values:
#   - id: honest-errors # required, unique: letters, digits, . _ -
#     statement: We tell customers plainly what went wrong and what happens next. # required
#     review: # the questions a reviewer asks
#       - Does each new error message say what happened and what to do next?
#     paths: ["src/**"] # optional: without it the value applies everywhere

# What customers need (required list), each in their own words.
needs:
  - id: fast-checkout # required, unique in this file: letters, digits, . _ -
    title: Checkout feels instant # required: one line, from the customer's side
    persona: shopper # optional: one of the personas above
    priority: high # critical | high | medium | low (medium when left out)
    # assumed: nobody has asked the customers yet. Add evidence below and change
    # this to validated (or leave status out: with evidence it defaults to validated).
    status: assumed # validated | assumed | retired
    quote: "I just want to pay and go." # optional: what a customer said, verbatim
    description: Paying should take as few steps as possible. # optional: plain text
    # Where the need comes from (optional list); a need without evidence is an assumption.
    # evidence:
    #   - source: NPS survey 2026-Q3 # required in an entry: where it was heard
    #     kind: survey # survey | ticket | interview | review | metric | observation | other
    #     quote: "Why do I type my card every time?" # optional: the customer's words
    #     url: https://example.com/t/123 # optional: http or https only
    #     date: 2026-09-14 # optional ISO date; old evidence asks to be re-validated
    # What customers do, not only what they say (optional list of plain text).
    signals:
      - Many mobile sessions end on the payment step
    # Which code relates to this need (optional).
    match:
      # Files that relate as a whole: gitignore-style globs relative to this
      # file's folder; a leading ! excludes, later patterns win.
      paths: ["src/checkout/**"]
      # Lines that relate: words and identifiers (savedCard, saved_card, "saved
      # card"), case-insensitive; a trailing * matches a prefix (pay*: payment).
      # A comment "@need fast-checkout" on any line links it too.
      keywords: ["checkout", "pay*"]
    # The questions a reviewer should ask when a change touches this need.
    review:
      - Does this change add a step or a field to checkout?
    owner: "@payments" # optional: who to ask about this need
`;
}
