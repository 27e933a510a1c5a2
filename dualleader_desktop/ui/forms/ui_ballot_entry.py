# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ballot_entry.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_BallotEntry(object):
    def setupUi(self, BallotEntry):
        if not BallotEntry.objectName():
            BallotEntry.setObjectName(u"BallotEntry")
        BallotEntry.resize(640, 680)
        self.mainLayout = QVBoxLayout(BallotEntry)
        self.mainLayout.setObjectName(u"mainLayout")
        self.counterRow = QHBoxLayout()
        self.counterRow.setObjectName(u"counterRow")
        self.counterLabel = QLabel(BallotEntry)
        self.counterLabel.setObjectName(u"counterLabel")
        self.counterLabel.setStyleSheet(u"font-size: 16pt; font-weight: bold;")

        self.counterRow.addWidget(self.counterLabel)

        self.counterSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.counterRow.addItem(self.counterSpacer)

        self.progressLabel = QLabel(BallotEntry)
        self.progressLabel.setObjectName(u"progressLabel")

        self.counterRow.addWidget(self.progressLabel)


        self.mainLayout.addLayout(self.counterRow)

        self.hintLabel = QLabel(BallotEntry)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setStyleSheet(u"background: #e8f0fe; padding: 6px; border-radius: 4px;")

        self.mainLayout.addWidget(self.hintLabel)

        self.paperView = QTableView(BallotEntry)
        self.paperView.setObjectName(u"paperView")
        self.paperView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.paperView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.paperView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.paperView.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.paperView)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.previousButton = QPushButton(BallotEntry)
        self.previousButton.setObjectName(u"previousButton")
        self.previousButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.previousButton)

        self.nextButton = QPushButton(BallotEntry)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.nextButton)

        self.removeButton = QPushButton(BallotEntry)
        self.removeButton.setObjectName(u"removeButton")
        self.removeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.removeButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(BallotEntry)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.buttonRow.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonRow)

        QWidget.setTabOrder(self.paperView, self.previousButton)
        QWidget.setTabOrder(self.previousButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.removeButton)

        self.retranslateUi(BallotEntry)

        QMetaObject.connectSlotsByName(BallotEntry)
    # setupUi

    def retranslateUi(self, BallotEntry):
        BallotEntry.setWindowTitle(QCoreApplication.translate("BallotEntry", u"\u9010\u5f20\u5f55\u5165\u9009\u7968", None))
        self.counterLabel.setText(QCoreApplication.translate("BallotEntry", u"\u7b2c 1 \u5f20 / \u5171 1 \u5f20", None))
        self.progressLabel.setText("")
        self.hintLabel.setText("")
#if QT_CONFIG(tooltip)
        self.previousButton.setToolTip(QCoreApplication.translate("BallotEntry", u"\u7ffb\u5230\u4e0a\u4e00\u5f20\uff08PgUp\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.previousButton.setText(QCoreApplication.translate("BallotEntry", u"\u4e0a\u4e00\u5f20(&P)", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("BallotEntry", u"\u4e0b\u4e00\u5f20\uff1b\u5728\u6700\u540e\u4e00\u5f20\u4e0a\u5f00\u59cb\u65b0\u7684\u4e00\u5f20\uff08Enter \u6216 N\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(QCoreApplication.translate("BallotEntry", u"\u4e0b\u4e00\u5f20(&N)", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("BallotEntry", u"\u5220\u9664\u6b63\u5728\u663e\u793a\u7684\u8fd9\u4e00\u5f20\uff08\u4f8b\u5982\u5f55\u91cd\u4e86\u7684\u4e00\u5f20\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("BallotEntry", u"\u5220\u9664\u672c\u5f20(&D)", None))
    # retranslateUi

