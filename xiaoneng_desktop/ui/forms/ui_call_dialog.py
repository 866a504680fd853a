# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'call_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QDialog, QDialogButtonBox, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QWidget)
class Ui_CallDialog(object):
    def setupUi(self, CallDialog):
        if not CallDialog.objectName():
            CallDialog.setObjectName(u"CallDialog")
        CallDialog.resize(620, 700)
        self.grid = QGridLayout(CallDialog)
        self.grid.setObjectName(u"grid")
        self.received_label = QLabel(CallDialog)
        self.received_label.setObjectName(u"received_label")
        self.received_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.received_label, 0, 0, 1, 1)

        self.received_row = QHBoxLayout()
        self.received_row.setObjectName(u"received_row")
        self.received_at = QDateTimeEdit(CallDialog)
        self.received_at.setObjectName(u"received_at")
        self.received_at.setCalendarPopup(True)

        self.received_row.addWidget(self.received_at)

        self.channel_label = QLabel(CallDialog)
        self.channel_label.setObjectName(u"channel_label")
        self.channel_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.received_row.addWidget(self.channel_label)

        self.channel = QComboBox(CallDialog)
        self.channel.setObjectName(u"channel")

        self.received_row.addWidget(self.channel)

        self.category_label = QLabel(CallDialog)
        self.category_label.setObjectName(u"category_label")
        self.category_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.received_row.addWidget(self.category_label)

        self.category = QComboBox(CallDialog)
        self.category.setObjectName(u"category")

        self.received_row.addWidget(self.category)

        self.spacerItem = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.received_row.addItem(self.spacerItem)


        self.grid.addLayout(self.received_row, 0, 1, 1, 1)

        self.received_at_error = QLabel(CallDialog)
        self.received_at_error.setObjectName(u"received_at_error")
        self.received_at_error.setStyleSheet(u"color: #c62828;")
        self.received_at_error.setWordWrap(True)

        self.grid.addWidget(self.received_at_error, 1, 1, 1, 1)

        self.channel_error = QLabel(CallDialog)
        self.channel_error.setObjectName(u"channel_error")
        self.channel_error.setStyleSheet(u"color: #c62828;")
        self.channel_error.setWordWrap(True)

        self.grid.addWidget(self.channel_error, 2, 1, 1, 1)

        self.category_error = QLabel(CallDialog)
        self.category_error.setObjectName(u"category_error")
        self.category_error.setStyleSheet(u"color: #c62828;")
        self.category_error.setWordWrap(True)

        self.grid.addWidget(self.category_error, 3, 1, 1, 1)

        self.caller_unit_label = QLabel(CallDialog)
        self.caller_unit_label.setObjectName(u"caller_unit_label")
        self.caller_unit_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.caller_unit_label, 4, 0, 1, 1)

        self.caller_unit = QLineEdit(CallDialog)
        self.caller_unit.setObjectName(u"caller_unit")

        self.grid.addWidget(self.caller_unit, 4, 1, 1, 1)

        self.caller_unit_error = QLabel(CallDialog)
        self.caller_unit_error.setObjectName(u"caller_unit_error")
        self.caller_unit_error.setStyleSheet(u"color: #c62828;")
        self.caller_unit_error.setWordWrap(True)

        self.grid.addWidget(self.caller_unit_error, 5, 1, 1, 1)

        self.caller_label = QLabel(CallDialog)
        self.caller_label.setObjectName(u"caller_label")
        self.caller_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.caller_label, 6, 0, 1, 1)

        self.caller_row = QHBoxLayout()
        self.caller_row.setObjectName(u"caller_row")
        self.caller = QLineEdit(CallDialog)
        self.caller.setObjectName(u"caller")

        self.caller_row.addWidget(self.caller)

        self.phone_label = QLabel(CallDialog)
        self.phone_label.setObjectName(u"phone_label")
        self.phone_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.caller_row.addWidget(self.phone_label)

        self.phone = QLineEdit(CallDialog)
        self.phone.setObjectName(u"phone")

        self.caller_row.addWidget(self.phone)


        self.grid.addLayout(self.caller_row, 6, 1, 1, 1)

        self.caller_error = QLabel(CallDialog)
        self.caller_error.setObjectName(u"caller_error")
        self.caller_error.setStyleSheet(u"color: #c62828;")
        self.caller_error.setWordWrap(True)

        self.grid.addWidget(self.caller_error, 7, 1, 1, 1)

        self.phone_error = QLabel(CallDialog)
        self.phone_error.setObjectName(u"phone_error")
        self.phone_error.setStyleSheet(u"color: #c62828;")
        self.phone_error.setWordWrap(True)

        self.grid.addWidget(self.phone_error, 8, 1, 1, 1)

        self.summary_label = QLabel(CallDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.summary_label, 9, 0, 1, 1)

        self.summary = QPlainTextEdit(CallDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setMinimumSize(QSize(0, 90))
        self.summary.setTabChangesFocus(True)

        self.grid.addWidget(self.summary, 9, 1, 1, 1)

        self.summary_error = QLabel(CallDialog)
        self.summary_error.setObjectName(u"summary_error")
        self.summary_error.setStyleSheet(u"color: #c62828;")
        self.summary_error.setWordWrap(True)

        self.grid.addWidget(self.summary_error, 10, 1, 1, 1)

        self.officer_label = QLabel(CallDialog)
        self.officer_label.setObjectName(u"officer_label")
        self.officer_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.officer_label, 11, 0, 1, 1)

        self.officer_name = QComboBox(CallDialog)
        self.officer_name.setObjectName(u"officer_name")
        self.officer_name.setEditable(True)
        self.officer_name.setInsertPolicy(QComboBox.NoInsert)

        self.grid.addWidget(self.officer_name, 11, 1, 1, 1)

        self.officer_name_error = QLabel(CallDialog)
        self.officer_name_error.setObjectName(u"officer_name_error")
        self.officer_name_error.setStyleSheet(u"color: #c62828;")
        self.officer_name_error.setWordWrap(True)

        self.grid.addWidget(self.officer_name_error, 12, 1, 1, 1)

        self.assignee_label = QLabel(CallDialog)
        self.assignee_label.setObjectName(u"assignee_label")
        self.assignee_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.assignee_label, 13, 0, 1, 1)

        self.assignee_name = QComboBox(CallDialog)
        self.assignee_name.setObjectName(u"assignee_name")
        self.assignee_name.setEditable(True)
        self.assignee_name.setInsertPolicy(QComboBox.NoInsert)

        self.grid.addWidget(self.assignee_name, 13, 1, 1, 1)

        self.assignee_name_error = QLabel(CallDialog)
        self.assignee_name_error.setObjectName(u"assignee_name_error")
        self.assignee_name_error.setStyleSheet(u"color: #c62828;")
        self.assignee_name_error.setWordWrap(True)

        self.grid.addWidget(self.assignee_name_error, 14, 1, 1, 1)

        self.instruction_label = QLabel(CallDialog)
        self.instruction_label.setObjectName(u"instruction_label")
        self.instruction_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.instruction_label, 15, 0, 1, 1)

        self.instruction = QPlainTextEdit(CallDialog)
        self.instruction.setObjectName(u"instruction")
        self.instruction.setMinimumSize(QSize(0, 48))
        self.instruction.setTabChangesFocus(True)

        self.grid.addWidget(self.instruction, 15, 1, 1, 1)

        self.instruction_error = QLabel(CallDialog)
        self.instruction_error.setObjectName(u"instruction_error")
        self.instruction_error.setStyleSheet(u"color: #c62828;")
        self.instruction_error.setWordWrap(True)

        self.grid.addWidget(self.instruction_error, 16, 1, 1, 1)

        self.instruction_by_row_row = QHBoxLayout()
        self.instruction_by_row_row.setObjectName(u"instruction_by_row_row")
        self.instruction_by_label = QLabel(CallDialog)
        self.instruction_by_label.setObjectName(u"instruction_by_label")
        self.instruction_by_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.instruction_by_row_row.addWidget(self.instruction_by_label)

        self.instruction_by = QComboBox(CallDialog)
        self.instruction_by.setObjectName(u"instruction_by")
        self.instruction_by.setEditable(True)
        self.instruction_by.setInsertPolicy(QComboBox.NoInsert)

        self.instruction_by_row_row.addWidget(self.instruction_by)

        self.spacerItem1 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.instruction_by_row_row.addItem(self.spacerItem1)


        self.grid.addLayout(self.instruction_by_row_row, 17, 1, 1, 1)

        self.instruction_by_error = QLabel(CallDialog)
        self.instruction_by_error.setObjectName(u"instruction_by_error")
        self.instruction_by_error.setStyleSheet(u"color: #c62828;")
        self.instruction_by_error.setWordWrap(True)

        self.grid.addWidget(self.instruction_by_error, 18, 1, 1, 1)

        self.feedback_label = QLabel(CallDialog)
        self.feedback_label.setObjectName(u"feedback_label")
        self.feedback_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.feedback_label, 19, 0, 1, 1)

        self.feedback = QPlainTextEdit(CallDialog)
        self.feedback.setObjectName(u"feedback")
        self.feedback.setMinimumSize(QSize(0, 48))
        self.feedback.setTabChangesFocus(True)

        self.grid.addWidget(self.feedback, 19, 1, 1, 1)

        self.feedback_error = QLabel(CallDialog)
        self.feedback_error.setObjectName(u"feedback_error")
        self.feedback_error.setStyleSheet(u"color: #c62828;")
        self.feedback_error.setWordWrap(True)

        self.grid.addWidget(self.feedback_error, 20, 1, 1, 1)

        self.deadline_label = QLabel(CallDialog)
        self.deadline_label.setObjectName(u"deadline_label")
        self.deadline_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.deadline_label, 21, 0, 1, 1)

        self.deadline_row = QHBoxLayout()
        self.deadline_row.setObjectName(u"deadline_row")
        self.deadline_typed = QCheckBox(CallDialog)
        self.deadline_typed.setObjectName(u"deadline_typed")

        self.deadline_row.addWidget(self.deadline_typed)

        self.deadline = QDateTimeEdit(CallDialog)
        self.deadline.setObjectName(u"deadline")
        self.deadline.setCalendarPopup(True)

        self.deadline_row.addWidget(self.deadline)

        self.deadline_hint = QLabel(CallDialog)
        self.deadline_hint.setObjectName(u"deadline_hint")
        self.deadline_hint.setStyleSheet(u"color: #555;")

        self.deadline_row.addWidget(self.deadline_hint)

        self.spacerItem2 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deadline_row.addItem(self.spacerItem2)


        self.grid.addLayout(self.deadline_row, 21, 1, 1, 1)

        self.deadline_error = QLabel(CallDialog)
        self.deadline_error.setObjectName(u"deadline_error")
        self.deadline_error.setStyleSheet(u"color: #c62828;")
        self.deadline_error.setWordWrap(True)

        self.grid.addWidget(self.deadline_error, 22, 1, 1, 1)

        self.closed_label = QLabel(CallDialog)
        self.closed_label.setObjectName(u"closed_label")
        self.closed_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.closed_label, 23, 0, 1, 1)

        self.closed_row = QHBoxLayout()
        self.closed_row.setObjectName(u"closed_row")
        self.closed = QCheckBox(CallDialog)
        self.closed.setObjectName(u"closed")

        self.closed_row.addWidget(self.closed)

        self.closed_at_label = QLabel(CallDialog)
        self.closed_at_label.setObjectName(u"closed_at_label")
        self.closed_at_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.closed_row.addWidget(self.closed_at_label)

        self.closed_at = QDateTimeEdit(CallDialog)
        self.closed_at.setObjectName(u"closed_at")
        self.closed_at.setCalendarPopup(True)

        self.closed_row.addWidget(self.closed_at)

        self.spacerItem3 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.closed_row.addItem(self.spacerItem3)


        self.grid.addLayout(self.closed_row, 23, 1, 1, 1)

        self.closed_at_error = QLabel(CallDialog)
        self.closed_at_error.setObjectName(u"closed_at_error")
        self.closed_at_error.setStyleSheet(u"color: #c62828;")
        self.closed_at_error.setWordWrap(True)

        self.grid.addWidget(self.closed_at_error, 24, 1, 1, 1)

        self.button_box = QDialogButtonBox(CallDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Save|QDialogButtonBox.Cancel)

        self.grid.addWidget(self.button_box, 25, 0, 1, 2)

        QWidget.setTabOrder(self.received_at, self.channel)
        QWidget.setTabOrder(self.channel, self.category)
        QWidget.setTabOrder(self.category, self.caller_unit)
        QWidget.setTabOrder(self.caller_unit, self.caller)
        QWidget.setTabOrder(self.caller, self.phone)
        QWidget.setTabOrder(self.phone, self.summary)
        QWidget.setTabOrder(self.summary, self.officer_name)
        QWidget.setTabOrder(self.officer_name, self.assignee_name)
        QWidget.setTabOrder(self.assignee_name, self.instruction)
        QWidget.setTabOrder(self.instruction, self.instruction_by)
        QWidget.setTabOrder(self.instruction_by, self.feedback)
        QWidget.setTabOrder(self.feedback, self.deadline_typed)
        QWidget.setTabOrder(self.deadline_typed, self.deadline)
        QWidget.setTabOrder(self.deadline, self.closed)
        QWidget.setTabOrder(self.closed, self.closed_at)
        QWidget.setTabOrder(self.closed_at, self.button_box)

        self.retranslateUi(CallDialog)

        QMetaObject.connectSlotsByName(CallDialog)
    # setupUi

    def retranslateUi(self, CallDialog):
        CallDialog.setWindowTitle(QCoreApplication.translate("CallDialog", u"\u6765\u7535\u6765\u62a5\u767b\u8bb0", None))
        self.received_label.setText(QCoreApplication.translate("CallDialog", u"\u6765\u7535\u65f6\u95f4*", None))
        self.received_at.setDisplayFormat(QCoreApplication.translate("CallDialog", u"yyyy-MM-dd HH:mm", None))
        self.channel_label.setText(QCoreApplication.translate("CallDialog", u"\u65b9\u5f0f", None))
        self.category_label.setText(QCoreApplication.translate("CallDialog", u"\u4e8b\u9879\u7c7b\u522b*", None))
        self.caller_unit_label.setText(QCoreApplication.translate("CallDialog", u"\u6765\u7535\u5355\u4f4d", None))
        self.caller_unit.setPlaceholderText(QCoreApplication.translate("CallDialog", u"\u5982\uff1a\u00d7\u00d7\u9547\u4eba\u6c11\u653f\u5e9c\u3001\u53bf\u5e94\u6025\u7ba1\u7406\u5c40", None))
        self.caller_label.setText(QCoreApplication.translate("CallDialog", u"\u6765\u7535\u4eba", None))
        self.caller.setPlaceholderText(QCoreApplication.translate("CallDialog", u"\u59d3\u540d\u3001\u804c\u52a1", None))
        self.phone_label.setText(QCoreApplication.translate("CallDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("CallDialog", u"\u624b\u673a\u6216\u56fa\u5b9a\u7535\u8bdd", None))
        self.summary_label.setText(QCoreApplication.translate("CallDialog", u"\u5185\u5bb9\u6458\u8981*", None))
        self.summary.setPlaceholderText(QCoreApplication.translate("CallDialog", u"\u6765\u7535\u6765\u62a5\u7684\u4e3b\u8981\u5185\u5bb9", None))
        self.officer_label.setText(QCoreApplication.translate("CallDialog", u"\u503c\u73ed\u5458*", None))
        self.assignee_label.setText(QCoreApplication.translate("CallDialog", u"\u4ea4\u529e\u5bf9\u8c61", None))
        self.instruction_label.setText(QCoreApplication.translate("CallDialog", u"\u9886\u5bfc\u6279\u793a", None))
        self.instruction.setPlaceholderText(QCoreApplication.translate("CallDialog", u"\u5e26\u73ed\u9886\u5bfc\u6216\u5206\u7ba1\u9886\u5bfc\u7684\u6279\u793a\u610f\u89c1", None))
        self.instruction_by_label.setText(QCoreApplication.translate("CallDialog", u"\u6279\u793a\u9886\u5bfc", None))
        self.feedback_label.setText(QCoreApplication.translate("CallDialog", u"\u529e\u7406\u60c5\u51b5", None))
        self.feedback.setPlaceholderText(QCoreApplication.translate("CallDialog", u"\u529e\u7406\u3001\u53cd\u9988\u60c5\u51b5\uff08\u529e\u7ed3\u65f6\u5fc5\u586b\uff09", None))
        self.deadline_label.setText(QCoreApplication.translate("CallDialog", u"\u529e\u7406\u65f6\u9650", None))
        self.deadline_typed.setText(QCoreApplication.translate("CallDialog", u"\u624b\u52a8\u8bbe\u5b9a", None))
        self.deadline.setDisplayFormat(QCoreApplication.translate("CallDialog", u"yyyy-MM-dd HH:mm", None))
        self.closed_label.setText(QCoreApplication.translate("CallDialog", u"\u529e\u7ed3", None))
        self.closed.setText(QCoreApplication.translate("CallDialog", u"\u5df2\u529e\u7ed3", None))
        self.closed_at_label.setText(QCoreApplication.translate("CallDialog", u"\u529e\u7ed3\u65f6\u95f4", None))
        self.closed_at.setDisplayFormat(QCoreApplication.translate("CallDialog", u"yyyy-MM-dd HH:mm", None))
    # retranslateUi

