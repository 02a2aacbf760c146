/// Keeps normalization a fixed point: a second pass over its output changes nothing.
///
/// A rewrite changes the text its neighbours are read in: "Kishida Kishida Fumio" becomes "Kishida Fumio Kishida",
/// where the words pair anew; "Minister bu linken Baerbok" becomes "Minister Antony Blinken Baerbok", where the title
/// now reaches the misspelt name across capitalized words. So after deciding a text, the decider reads the rewritten
/// text once more with the same document context. When that second reading would rewrite something, the rewrites
/// of the paragraph it lies in are held back (left as written, reported ambiguous with the reason), and the result
/// is read once more; if it still is not a fixed point, or a change lies in a paragraph without rewrites of its own,
/// every rewrite is held back. Texts without rewrites are read once; texts whose rewrites are stable, twice.
extension Engine {
    /// The mentions of a text, with rewrites that a second pass would not leave alone held back.
    ///
    /// The output is a fixed point by construction: it is returned only once a reading of it (with the same
    /// document context) rewrites nothing, so a second run stops at its first reading. Holding back one paragraph
    /// can change how the others read (their words' capitalization elsewhere, the entities named), so when the
    /// paragraphs held back are not enough, every rewrite is held back and the text comes out as it came in,
    /// which a second run, reading the same text, decides the same way.
    func stableMentions(in scalars: [Unicode.Scalar], mode: RewriteMode, named: inout Set<Int>) -> [Mention] {
        let contextBefore = named
        var mentions = decidedMentions(in: scalars, mode: mode, named: &named)
        let rewrites = mentions.indices.filter { Self.isRewrite(mentions[$0]) }
        guard !rewrites.isEmpty else { return mentions }
        let paragraphs = Self.paragraphStarts(scalars)
        func paragraph(_ offset: Int) -> Int {
            var low = 0, high = paragraphs.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if paragraphs[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low
        }
        func holdBack(_ i: Int) {
            mentions[i].status = .ambiguous
            mentions[i].replacement = nil
            if !mentions[i].candidates.isEmpty {
                mentions[i].candidates[0].detail += "; held back: rewriting it would change how its paragraph reads on a second pass"
            }
        }

        // First check: the paragraphs a second reading would change, placed in the original text.
        guard let changes = unstableOffsets(of: mentions, in: scalars, mode: mode, context: contextBefore) else { return mentions }
        let rewrittenParagraphs = Set(rewrites.map { paragraph(mentions[$0].start) })
        let unstable = Set(changes.map(paragraph))
        if unstable.isSubset(of: rewrittenParagraphs) {
            for i in rewrites where unstable.contains(paragraph(mentions[i].start)) { holdBack(i) }
            // Second check: the rest must now read as a fixed point.
            if unstableOffsets(of: mentions, in: scalars, mode: mode, context: contextBefore) == nil { return mentions }
        }
        for i in rewrites where Self.isRewrite(mentions[i]) { holdBack(i) }
        return mentions
    }

    /// Where a second reading of the text as `mentions` rewrite it would rewrite again, as offsets into the
    /// original text (a change inside a rewrite is placed at its start), or nil when it would rewrite nothing.
    private func unstableOffsets(of mentions: [Mention], in scalars: [Unicode.Scalar], mode: RewriteMode,
                                 context: Set<Int>) -> [Int]? {
        var rewritten = [Unicode.Scalar]()
        rewritten.reserveCapacity(scalars.count + 64)
        var landed = [(original: Range<Int>, written: Range<Int>)]()
        var position = 0
        for mention in mentions where Self.isRewrite(mention) && mention.start >= position {
            rewritten += scalars[position..<mention.start]
            let start = rewritten.count
            rewritten += mention.replacement!.unicodeScalars
            landed.append((mention.start..<mention.end, start..<rewritten.count))
            position = mention.end
        }
        rewritten += scalars[position...]
        var again = context
        let changes = decidedMentions(in: rewritten, mode: mode, named: &again).filter(Self.isRewrite)
        guard !changes.isEmpty else { return nil }
        return changes.map { change in
            guard let last = landed.last(where: { $0.written.lowerBound <= change.start }) else { return change.start }
            if change.start < last.written.upperBound { return last.original.lowerBound }
            return change.start - last.written.upperBound + last.original.upperBound
        }
    }

    /// One reading of a text by the decider; in annotate mode a mention already followed by its annotation is
    /// left as it is.
    private func decidedMentions(in scalars: [Unicode.Scalar], mode: RewriteMode, named: inout Set<Int>) -> [Mention] {
        var mentions = Decider(engine: self).mentions(in: scalars, mode: mode, named: &named)
        if mode == .annotate {
            for i in mentions.indices where Self.isRewrite(mentions[i]) {
                let annotation = mentions[i].replacement!.unicodeScalars.dropFirst(mentions[i].surface.unicodeScalars.count)
                let end = mentions[i].end
                if end + annotation.count <= scalars.count && scalars[end..<(end + annotation.count)].elementsEqual(annotation) {
                    mentions[i].replacement = mentions[i].surface
                }
            }
        }
        return mentions
    }

    /// A resolved mention whose output differs from what is written.
    static func isRewrite(_ mention: Mention) -> Bool {
        guard mention.status == .resolved, let replacement = mention.replacement else { return false }
        return !replacement.utf8.elementsEqual(mention.surface.utf8)
    }

    /// The offsets where paragraphs start: the text's start and after each line break (LF, CR, CRLF, NEL, LS, PS).
    static func paragraphStarts(_ scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        for (i, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: starts.append(i + 1)
            case 0x0D where i + 1 >= scalars.count || scalars[i + 1] != "\n": starts.append(i + 1)
            default: break
            }
        }
        return starts
    }
}
